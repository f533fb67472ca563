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
    /** By path, made when first asked for (a build's formats mostly only walk the list). */
    private Map<String, TreeEntry> byPath;

    private ApplianceTree(List<TreeEntry> sorted) {
        this.entries = Collections.unmodifiableList(sorted);
    }

    /**
     * Builds a tree from entries in any order. Entries must have unique paths and every parent
     * must be present as a directory; the root "/" must be present.
     *
     * @throws IllegalArgumentException when a path repeats or a parent is missing
     */
    public static ApplianceTree of(List<TreeEntry> entries) {
        ApplianceTree tree = sorted(entries);
        Map<String, TreeEntry> map = tree.byPath();
        List<TreeEntry> sorted = tree.entries;
        if (map.size() != sorted.size()) {
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
            TreeEntry p = map.get(parent);
            if (p == null || p.type() != EntryType.DIRECTORY) {
                throw new IllegalArgumentException("parent of " + e.path() + " is not a directory in the tree");
            }
        }
        if (!sorted.isEmpty() && !sorted.get(0).path().equals("/")) {
            throw new IllegalArgumentException("appliance tree has no root directory");
        }
        return tree;
    }

    /**
     * The tree of entries that {@link ApplianceTreeBuilder} assembled: distinct paths (its map's
     * keys) with every parent added as a directory, so only sorted; {@link #of} checks the same
     * of any other list (and the builder's tests check its trees with it).
     */
    static ApplianceTree assembled(List<TreeEntry> entries) {
        return sorted(entries);
    }

    private static ApplianceTree sorted(List<TreeEntry> entries) {
        List<TreeEntry> sorted = new ArrayList<>(entries);
        PathOrder.sort(sorted, TreeEntry::path);
        return new ApplianceTree(sorted);
    }

    private synchronized Map<String, TreeEntry> byPath() {
        if (byPath == null) {
            Map<String, TreeEntry> map = new HashMap<>(entries.size() * 2);
            for (TreeEntry e : entries) {
                map.put(e.path(), e);
            }
            byPath = map;
        }
        return byPath;
    }

    /** All entries, parents before children, in a stable, deterministic order. */
    public List<TreeEntry> entries() {
        return entries;
    }

    /** The entry at an absolute path, or null. */
    public TreeEntry get(String path) {
        return byPath().get(path);
    }

    /** Number of entries. */
    public int size() {
        return entries.size();
    }

    /** Number of regular files, each hard-linked file counted once. */
    public int fileCount() {
        int count = 0;
        for (TreeEntry e : entries) {
            if (e.type() == EntryType.FILE && !e.isHardLinkToEarlier()) {
                count++;
            }
        }
        return count;
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
