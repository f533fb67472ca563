package org.jsupermin.packages.rpm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jsupermin.util.AbsolutePaths;

/**
 * Canonical paths through directory symlinks, so that a requirement on {@code /bin/sh} finds the
 * package owning {@code /usr/bin/sh} behind a usrmerge {@code /bin -> usr/bin} link. The links
 * come from the database (symlinks packages own) and then from the root itself.
 */
final class PathAliases {

    private static final int MAX_LINKS = 40;

    private final Map<String, String> packagedLinks;
    private final Path root;

    /** {@code packagedLinks}: symlink path to target, as the packages list them. */
    PathAliases(Map<String, String> packagedLinks, Path root) {
        this.packagedLinks = packagedLinks;
        this.root = root;
    }

    /**
     * The path with every symlinked directory component replaced by its target; the last
     * component is kept as is. Returns the path unchanged when it has no symlinked parent or the
     * links loop.
     */
    String canonical(String path) {
        String current = AbsolutePaths.normalize(path);
        for (int hops = 0; hops < MAX_LINKS; hops++) {
            String next = resolveOneParent(current);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return path;
    }

    /** Replaces the first symlinked parent directory; null when there is none. */
    private String resolveOneParent(String path) {
        int end = path.lastIndexOf('/');
        int i = 0;
        while (true) {
            int slash = path.indexOf('/', i + 1);
            if (slash < 0 || slash > end || end == 0) {
                return null;
            }
            String prefix = path.substring(0, slash);
            String target = linkTarget(prefix);
            if (target != null) {
                String base = target.startsWith("/") ? target : prefix.substring(0, prefix.lastIndexOf('/') + 1) + target;
                return AbsolutePaths.normalize(base + path.substring(slash));
            }
            if (slash == end) {
                return null;
            }
            i = slash;
        }
    }

    private String linkTarget(String prefix) {
        String t = packagedLinks.get(prefix);
        if (t != null) {
            return t;
        }
        Path p = root.resolve(prefix.substring(1));
        if (Files.isSymbolicLink(p)) {
            try {
                return Files.readSymbolicLink(p).toString();
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }
}
