package org.jsupermin.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsupermin.util.FileTrees;

/**
 * A fresh, empty directory for one run of a fuzz target, beside a canary directory that must stay
 * empty: a fuzz target writes its inputs and outputs in {@link #dir()} and asserts with
 * {@link #assertOnly} that nothing else appeared there and nothing at all in the canary. Fuzz
 * targets run thousands of times in one JVM, so the directory is emptied at the start of each run
 * instead of being a JUnit temporary directory.
 */
public final class FuzzScratch implements AutoCloseable {

    private static Path base;
    private final Path dir;
    private final Path canary;

    private FuzzScratch(Path dir, Path canary) {
        this.dir = dir;
        this.canary = canary;
    }

    /** An empty scratch directory (and an empty canary beside it). */
    public static synchronized FuzzScratch open() {
        try {
            if (base == null) {
                // memory-backed when there is such a file system: a target runs thousands of times a second
                Path shm = Path.of("/dev/shm");
                base = Files.isDirectory(shm) && Files.isWritable(shm)
                        ? Files.createTempDirectory(shm, "jsupermin-fuzz") : Files.createTempDirectory("jsupermin-fuzz");
                base.toFile().deleteOnExit();
                Files.createDirectories(base.resolve("canary"));
            }
            Path dir = base.resolve("work");
            FileTrees.deleteRecursively(dir);
            Files.createDirectories(dir);
            return new FuzzScratch(dir, base.resolve("canary"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory to work in. */
    public Path dir() {
        return dir;
    }

    /** A directory outside {@link #dir()} that nothing may write into. */
    public Path canary() {
        return canary;
    }

    /** Writes {@code data} to {@code name} under {@link #dir()}, creating parents. */
    public Path write(String name, byte[] data) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, data);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that {@link #dir()} holds exactly {@code expected} (relative paths, sorted, files
     * and directories) and that the canary is still empty.
     */
    public void assertOnly(List<String> expected) {
        assertEquals(expected, listing(dir), "files in the scratch directory");
        assertEquals(List.of(), listing(canary), "files in the canary directory");
    }

    /** Every path under {@code root}, relative, sorted, symlinks not followed. */
    public static List<String> listing(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            List<String> out = new ArrayList<>();
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!p.equals(root)) {
                    out.add(root.relativize(p).toString());
                }
            }
            out.sort(null);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // the next open() empties the directory; nothing to do here
    }
}
