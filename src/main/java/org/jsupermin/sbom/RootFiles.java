package org.jsupermin.sbom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.jsupermin.host.RootPaths;
import org.jsupermin.util.RawPaths;

/**
 * Reads small files of a root directory as a process chrooted into it would: symbolic links are
 * followed inside the root (an absolute target starts at the root, ".." stops at it), so a root
 * whose links point elsewhere cannot make the SBOM read the builder's own files.
 */
final class RootFiles {

    private static final int MAX_LINKS = 40;

    private RootFiles() {
    }

    /**
     * The content of {@code path} (absolute, inside the root), or null when it is absent, not a
     * regular file, larger than {@code maxBytes}, unreadable, or its links loop.
     */
    static byte[] read(Path root, String path, int maxBytes) {
        Path host = resolve(new RootPaths(root), path);
        if (host == null || !Files.isRegularFile(host, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(host, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            return bytes.length > maxBytes ? null : bytes;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The host path of {@code path} with every symbolic link resolved inside the root, or null:
     * the root's paths resolve the directories, then a link in last place is followed from its
     * directory, again and again.
     */
    private static Path resolve(RootPaths paths, String path) {
        String next = path;
        try {
            for (int links = 0; links <= MAX_LINKS; links++) {
                String canonical = paths.canonical(next);
                if (canonical == null) {
                    return null;
                }
                Path host = paths.host(canonical);
                if (!Files.isSymbolicLink(host)) {
                    return host;
                }
                String target = RawPaths.text(Files.readSymbolicLink(host));
                next = target.startsWith("/") ? target : canonical.substring(0, canonical.lastIndexOf('/') + 1) + target;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
