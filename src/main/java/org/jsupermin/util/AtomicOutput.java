package org.jsupermin.util;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * An output that appears all at once: written to a staging path beside the target and renamed
 * into place; the previous output is removed only after the new one is in place. Leftovers of an
 * interrupted run (staging or old copies whose process is gone) are cleaned by the next run, and
 * an old copy left behind without its replacement is put back.
 */
public final class AtomicOutput {

    private static final String MARK = ".jsupermin-";

    private final Path target;
    private final Path staging;
    /** The random part of this build's names beside the target. */
    private final String random;

    private AtomicOutput(Path target, Path staging, String random) {
        this.target = target;
        this.staging = staging;
        this.random = random;
    }

    /**
     * Prepares to write {@code target}: recovers or removes leftovers of dead runs and returns a
     * staging path (not yet existing) in the same directory.
     */
    public static AtomicOutput begin(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) {
            throw new IOException("cannot write the root directory as an output");
        }
        Files.createDirectories(parent);
        cleanLeftovers(abs);
        // the names beside the target are random, and the formats create the staging path
        // exclusively: the directory may be writable by others, who could otherwise prepare the
        // names as symlinks
        String random = TempFiles.randomName();
        return new AtomicOutput(abs, parent.resolve(name(abs, "new", random)), random);
    }

    /**
     * Why an output of this kind cannot replace {@code target}, or null when it can: what is
     * there must be of the same kind (a regular file for a file output, a directory for a
     * directory output), never a symlink or anything else, so that a mistyped {@code -o} never
     * deletes a directory or writes through a link.
     */
    public static String whyNotReplaceable(Path target, boolean directory) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (directory ? a.isDirectory() : a.isRegularFile()) {
            return null;
        }
        String what = a.isDirectory() ? "a directory" : a.isRegularFile() ? "a regular file"
                : a.isSymbolicLink() ? "a symlink" : "a special file";
        return "exists and is " + what + ", which " + (directory ? "a directory output" : "a file output")
                + " does not replace; give another path or remove it first";
    }

    /** Where the new output is to be written. */
    public Path staging() {
        return staging;
    }

    /** The final output path. */
    public Path target() {
        return target;
    }

    /** Moves the staging output into place, then removes the previous output. */
    public void commit() throws IOException {
        if (!Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("nothing was written to " + staging);
        }
        boolean targetIsDir = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
        if (!targetIsDir) {
            // a file (or nothing): rename(2) replaces it atomically
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        Path old = target.getParent().resolve(name(target, "old", random));
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.deleteRecursively(old);
    }

    /** Removes the staging output (after a failure); the previous output is untouched. */
    public void abort() {
        try {
            FileTrees.deleteRecursively(staging);
        } catch (IOException ignored) {
            // the next run cleans it
        }
    }

    /** {@code .<target>.jsupermin-<kind>-<random>-<pid>}: the pid tells later runs whether its build is alive. */
    private static String name(Path target, String kind, String random) {
        return prefix(target) + kind + "-" + random + "-" + ProcessHandle.current().pid();
    }

    private static String prefix(Path target) {
        return "." + target.getFileName() + MARK;
    }

    private static void cleanLeftovers(Path target) throws IOException {
        String prefix = prefix(target);
        // every sibling, tested by its name's prefix
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent())) {
            for (Path p : siblings) {
                String name = p.getFileName().toString();
                if (!name.startsWith(prefix)) {
                    continue;
                }
                String rest = name.substring(prefix.length());
                int dash = rest.lastIndexOf('-');
                if (dash < 0) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(rest.substring(dash + 1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != ProcessHandle.current().pid() && isAlive(pid)) {
                    continue;
                }
                if (rest.startsWith("old-") && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                        continue;
                    } catch (FileAlreadyExistsException e) {
                        // someone else restored it
                    }
                }
                FileTrees.deleteRecursively(p);
            }
        }
    }

    private static boolean isAlive(long pid) {
        java.util.Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isPresent() && process.get().isAlive();
    }
}
