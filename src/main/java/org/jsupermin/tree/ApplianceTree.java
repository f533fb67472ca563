package org.jsupermin.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsupermin.util.PathOrder;

/**
 * The whole appliance: entries sorted by {@link PathOrder} (parents before children, siblings by
 * byte order), every parent directory present, hard-link groups consistent. Every output format
 * consumes this same list.
 */
public final class ApplianceTree {

    private final List<TreeEntry> entries;
    private final Map<String, TreeEntry> byPath;

    private ApplianceTree(List<TreeEntry> sorted) {
        this.entries = Collections.unmodifiableList(sorted);
        Map<String, TreeEntry> map = new HashMap<>(sorted.size() * 2);
        for (TreeEntry e : sorted) {
            map.put(e.path(), e);
        }
        this.byPath = map;
    }

    /**
     * Builds a tree from entries in any order. Entries must have unique paths and every parent
     * must be present as a directory; the root "/" must be present.
     *
     * @throws IllegalArgumentException when a path repeats or a parent is missing
     */
    public static ApplianceTree of(List<TreeEntry> entries) {
        List<TreeEntry> sorted = new ArrayList<>(entries);
        PathOrder.sort(sorted, TreeEntry.PATH_OF);
        ApplianceTree tree = new ApplianceTree(sorted);
        if (tree.byPath.size() != sorted.size()) {
            throw new IllegalArgumentException("duplicate paths in appliance tree");
        }
        for (TreeEntry e : sorted) {
            String parent = e.parent();
            if (parent == null) {
                if (e.type() != EntryType.DIRECTORY) {
                    throw new IllegalArgumentException("/ is not a directory");
                }
                continue;
            }
            TreeEntry p = tree.byPath.get(parent);
            if (p == null || p.type() != EntryType.DIRECTORY) {
                throw new IllegalArgumentException("parent of " + e.path() + " is not a directory in the tree");
            }
        }
        if (!sorted.isEmpty() && !sorted.get(0).path().equals("/")) {
            throw new IllegalArgumentException("appliance tree has no root directory");
        }
        return tree;
    }

    /** All entries, parents before children, in a stable, deterministic order. */
    public List<TreeEntry> entries() {
        return entries;
    }

    /** The entry at an absolute path, or null. */
    public TreeEntry get(String path) {
        return byPath.get(path);
    }

    /** Number of entries. */
    public int size() {
        return entries.size();
    }

    /** Total bytes of regular-file content, each hard-linked file counted once. */
    public long contentBytes() {
        long total = 0;
        for (TreeEntry e : entries) {
            if (e.type() == EntryType.FILE && !e.isHardLinkToEarlier()) {
                total += e.size();
            }
        }
        return total;
    }
}
