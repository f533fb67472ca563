package org.jsupermin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jsupermin.util.Sha256;
import org.jsupermin.util.TempFiles;

/**
 * The {@code --if-newer} record kept beside an output: a digest of everything that decides the
 * output (inputs' contents, resolved package versions, options, kernel) and the identity of the
 * output files written. A build is skipped only when both still match.
 */
final class BuildStamp {

    private static final byte[] NEWLINE = {'\n'};

    private final Sha256 digest = new Sha256();

    /** Adds a labelled value. */
    BuildStamp add(String label, Object value) {
        digest.update((label + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Adds a file's name and content. */
    BuildStamp addFile(String label, Path file) throws IOException {
        add(label, file.toAbsolutePath().normalize());
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
        }
        digest.update(NEWLINE);
        return this;
    }

    /**
     * Adds a file's name and identity (device, inode, size, modification and change times),
     * for files too big to read on every build (the kernel): a replaced or rewritten file has
     * a new identity.
     */
    BuildStamp addFileIdentity(String label, Path file) throws IOException {
        Map<String, Object> a = Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime");
        return add(label, file.toAbsolutePath().normalize() + " " + a.get("dev") + ":" + a.get("ino") + " "
                + a.get("size") + " " + a.get("lastModifiedTime") + " " + a.get("ctime"));
    }

    /** The digest so far, in hex. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Where the stamp of {@code output} lives: beside it, hidden. */
    static Path stampPath(Path output) {
        Path abs = output.toAbsolutePath().normalize();
        return abs.getParent().resolve("." + abs.getFileName() + ".jsupermin-stamp");
    }

    /** A line per output file: path, inode, size, mtime, so a replaced or deleted file is noticed. */
    static List<String> identities(List<Path> outputs) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path p : outputs) {
            Map<String, Object> a = Files.readAttributes(p, "unix:ino,size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
            lines.add(p.getFileName() + " " + a.get("ino") + " " + a.get("size") + " " + a.get("lastModifiedTime"));
        }
        return lines;
    }

    /** Writes the stamp after a successful build. */
    static void write(Path output, String digestHex, List<Path> outputs) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(digestHex);
        lines.addAll(identities(outputs));
        // the temporary file has a random name and is created exclusively: the directory may be
        // writable by others, who could otherwise prepare its name as a symlink
        TempFiles.replace(stampPath(output), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), "tmp");
    }

    /** Why the output must be rebuilt, or null when it is up to date. */
    static String whyRebuild(Path output, String digestHex, List<Path> outputs) throws IOException {
        for (Path p : outputs) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return p + " is missing";
            }
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(stampPath(output), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "no record of a previous build (" + stampPath(output) + ")";
        }
        if (lines.isEmpty() || !lines.get(0).equals(digestHex)) {
            return "the inputs, package versions, options or kernel changed";
        }
        if (!lines.subList(1, lines.size()).equals(identities(outputs))) {
            return "the output was changed or replaced since it was built";
        }
        return null;
    }
}
