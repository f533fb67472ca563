package org.jsupermin.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

import org.jsupermin.util.AbsolutePaths;
import org.jsupermin.util.RawPaths;

/** Expands a hostfiles line (shell wildcards per component) against the root, sorted. */
public final class HostGlob {

    private HostGlob() {
    }

    /** Appliance paths under {@code root} matching the absolute {@code pattern}. */
    public static List<String> expand(Path root, String pattern) throws IOException {
        List<String> current = new ArrayList<>(List.of("/"));
        for (String component : AbsolutePaths.normalize(pattern).substring(1).split("/")) {
            if (component.isEmpty()) {
                continue;
            }
            List<String> next = new ArrayList<>();
            boolean wild = component.contains("*") || component.contains("?") || component.contains("[");
            for (String dir : current) {
                Path hostDir = dir.equals("/") ? root : RawPaths.resolve(root, dir.substring(1));
                if (!wild) {
                    Path candidate = RawPaths.resolve(hostDir, component);
                    if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                        next.add(join(dir, component));
                    }
                    continue;
                }
                if (!Files.isDirectory(hostDir)) {
                    continue;
                }
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + component);
                List<String> names = new ArrayList<>();
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(hostDir)) {
                    for (Path p : ds) {
                        String name = RawPaths.fileName(p);
                        if (m.matches(p.getFileName()) && (!name.startsWith(".") || component.startsWith("."))) {
                            names.add(name);
                        }
                    }
                }
                names.sort(null);
                for (String name : names) {
                    next.add(join(dir, name));
                }
            }
            current = next;
        }
        return current;
    }

    private static String join(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }
}
