package org.jsupermin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a file or directory tree holds (type, mode, size, content digest, link target per path),
 * compared to tell whether an output changed. Big files are digested, never held.
 *
 * @param entries description by path relative to the top ("" for the top itself)
 */
public record FileTreeSnapshot(Map<String, String> entries) {

    /** The snapshot of {@code top} (empty when it does not exist). */
    public static FileTreeSnapshot of(Path top) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
            return new FileTreeSnapshot(entries);
        }
        try (Stream<Path> s = Files.walk(top)) {
            for (Path p : s.toList()) {
                entries.put(top.relativize(p).toString(), describe(p));
            }
        }
        return new FileTreeSnapshot(entries);
    }

    private static String describe(Path p) throws IOException {
        int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        String d = Integer.toOctalString(mode);
        if (Files.isSymbolicLink(p)) {
            return d + " -> " + Files.readSymbolicLink(p);
        }
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return d + " " + Files.size(p) + " " + sha256(p);
        }
        return d;
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
