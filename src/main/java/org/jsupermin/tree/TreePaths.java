package org.jsupermin.tree;

import java.util.Map;
import java.util.function.Function;
import org.jsupermin.util.AbsolutePaths;

/** Paths resolved inside a tree through its own symlinks, as a kernel would inside the image. */
final class TreePaths {

    /** As Linux: at most 40 symlinks followed for one path. */
    private static final int MAX_LINKS = 40;

    private TreePaths() {
    }

    /**
     * Where {@code path} leads in the tree whose entries are {@code byPath}: its directories
     * resolved through symlinks, and the last component too when {@code followLast}. The result
     * may name no entry; null when the links loop or go through something that is not a directory.
     */
    static String resolve(Map<String, TreeEntry> byPath, String path, boolean followLast) {
        return resolve(byPath::get, path, followLast);
    }

    /** {@link #resolve(Map, String, boolean)} in a whole tree. */
    static String resolve(ApplianceTree tree, String path, boolean followLast) {
        return resolve(tree::get, path, followLast);
    }

    private static String resolve(Function<String, TreeEntry> byPath, String path, boolean followLast) {
        String rest = AbsolutePaths.normalize(path);
        String done = "";
        int links = 0;
        while (!rest.isEmpty()) {
            int slash = rest.indexOf('/', 1);
            String component = slash < 0 ? rest : rest.substring(0, slash);
            rest = slash < 0 ? "" : rest.substring(slash);
            String candidate = done + component;
            TreeEntry e = byPath.apply(candidate);
            boolean last = rest.isEmpty();
            if (e != null && e.type() == EntryType.SYMLINK && (!last || followLast)) {
                if (++links > MAX_LINKS) {
                    return null;
                }
                String target = e.linkTarget();
                String base = target.startsWith("/") ? target : (done.isEmpty() ? "/" : done) + "/" + target;
                rest = AbsolutePaths.normalize(base) + rest;
                rest = rest.equals("/") ? "" : rest;
                done = "";
                continue;
            }
            if (e != null && !last && e.type() != EntryType.DIRECTORY) {
                return null;
            }
            done = candidate;
        }
        return done.isEmpty() ? "/" : done;
    }
}
