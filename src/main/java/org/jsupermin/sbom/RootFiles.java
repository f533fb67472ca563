package org.jsupermin.sbom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

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
        Path host = resolve(root, path);
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

    /** The host path of {@code path} with every symbolic link resolved inside the root, or null. */
    static Path resolve(Path root, String path) {
        Deque<String> todo = new ArrayDeque<>(components(path));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String name = todo.removeFirst();
            if (name.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            Path candidate = host(root, done).resolve(name);
            if (Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    return null;
                }
                String target;
                try {
                    target = Files.readSymbolicLink(candidate).toString();
                } catch (IOException | RuntimeException e) {
                    return null;
                }
                if (target.startsWith("/")) {
                    done.clear();
                }
                List<String> more = components(target);
                for (int i = more.size() - 1; i >= 0; i--) {
                    todo.addFirst(more.get(i));
                }
            } else {
                done.add(name);
            }
        }
        return host(root, done);
    }

    private static Path host(Path root, List<String> names) {
        Path p = root;
        for (String n : names) {
            p = p.resolve(n);
        }
        return p;
    }

    private static List<String> components(String path) {
        List<String> names = new ArrayList<>();
        for (String n : path.split("/")) {
            if (!n.isEmpty() && !n.equals(".")) {
                names.add(n);
            }
        }
        return names;
    }
}
