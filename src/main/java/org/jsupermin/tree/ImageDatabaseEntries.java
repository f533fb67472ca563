package org.jsupermin.tree;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.packages.ImageDatabase;
import org.jsupermin.util.AbsolutePaths;

/**
 * Adds a package database ({@link ImageDatabase}) to an assembled tree: its directories where
 * missing, its files in place of any entry at their paths, each root-owned and dated
 * {@code mtime}; paths are resolved through the tree's own symlinks (a usrmerged /lib, say).
 */
public final class ImageDatabaseEntries {

    private ImageDatabaseEntries() {
    }

    /**
     * The tree with {@code db} added.
     *
     * @param mtime the date of the added entries (SOURCE_DATE_EPOCH, as every generated entry)
     * @throws TreeException when a path of the database cannot be made in the tree (one of its
     *     directories is a file there)
     */
    public static ApplianceTree add(ApplianceTree tree, ImageDatabase db, long mtime) throws TreeException {
        if (db.directories().isEmpty() && db.files().isEmpty()) {
            return tree;
        }
        Map<String, TreeEntry> byPath = new LinkedHashMap<>();
        for (TreeEntry e : tree.entries()) {
            byPath.put(e.path(), e);
        }
        for (String dir : db.directories()) {
            String path = directory(byPath, dir, mtime);
            if (!byPath.containsKey(path)) {
                byPath.put(path, TreeEntry.directory(path, 0755, mtime));
            }
        }
        for (ExtraEntry f : db.files()) {
            String parent = directory(byPath, AbsolutePaths.parent(f.path()), mtime);
            String path = (parent.equals("/") ? "" : parent) + f.path().substring(f.path().lastIndexOf('/'));
            TreeEntry existing = byPath.get(path);
            if (existing != null && existing.type() == EntryType.DIRECTORY) {
                throw new TreeException("cannot write the package database's " + f.path() + " into the image: "
                        + path + " is a directory there; leave the database out with --no-package-db");
            }
            byPath.put(path, TreeEntry.file(path, f.mode(), mtime, f.content().length,
                    new ContentSource.Bytes(f.content(), "package database " + f.path())));
        }
        return ApplianceTree.of(List.copyOf(byPath.values()));
    }

    /** The directory {@code dir} leads to in the tree, made (with its parents) where missing. */
    private static String directory(Map<String, TreeEntry> byPath, String dir, long mtime) throws TreeException {
        String path = TreePaths.resolve(byPath, dir, true);
        TreeEntry e = path == null ? null : byPath.get(path);
        if (path == null || (e != null && e.type() != EntryType.DIRECTORY)) {
            throw new TreeException("cannot write the package database's " + dir + " into the image: a path"
                    + " on the way there is not a directory; leave the database out with --no-package-db");
        }
        if (e == null) {
            String parent = AbsolutePaths.parent(path);
            if (parent != null) {
                parent = directory(byPath, parent, mtime);
                path = (parent.equals("/") ? "" : parent) + path.substring(path.lastIndexOf('/'));
            }
            byPath.put(path, TreeEntry.directory(path, 0755, mtime));
        }
        return path;
    }
}
