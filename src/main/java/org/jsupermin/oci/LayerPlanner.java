package org.jsupermin.oci;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;

/**
 * Splits a tree into at most N layers by source package, as apko's "origin" strategy does: the
 * packages of one source form a group, groups are ordered by installed size (largest first, then
 * by name), the largest N-1 groups get a layer each, and the remaining groups are merged into one
 * top layer with what no package owns (base images, hostfiles, generated files, links no package
 * lists): the top layer counts in N. Every layer holds the parent directories its entries need,
 * with the tree's metadata, so an upgrade of one package changes only the layer of its source.
 */
public final class LayerPlanner {

    private static final String UNOWNED = "files no package owns: base images, hostfiles, generated files and links";

    private LayerPlanner() {
    }

    /**
     * The layers of {@code tree}: at most {@code maxLayers} (at least 1), bottom first: the
     * largest {@code maxLayers - 1} groups from the largest down, a layer each, then the top
     * layer of the other groups and of what no package owns (none when both are empty). With
     * one layer, or when no package owns anything, the whole tree.
     */
    public static LayerPlan plan(ApplianceTree tree, PackageOwners owners, int maxLayers) {
        List<TreeEntry> entries = tree.entries();
        if (maxLayers <= 1 || entries.isEmpty()) {
            return new LayerPlan(List.of(new Layer("the appliance", linked(entries))));
        }
        Map<String, Integer> index = new HashMap<>(entries.size() * 2);
        for (int i = 0; i < entries.size(); i++) {
            index.put(entries.get(i).path(), i);
        }
        String[] source = new String[entries.size()];
        Map<String, Long> treeBytes = new TreeMap<>();
        BitSet covered = new BitSet(entries.size());
        boolean unowned = false;
        for (int i = 1; i < entries.size(); i++) {
            TreeEntry e = entries.get(i);
            source[i] = owners.sourceOf(e.path());
            if (source[i] != null) {
                treeBytes.merge(source[i], e.size(), Long::sum);
            }
            if (e.type() != EntryType.DIRECTORY || source[i] != null) {
                markAncestors(covered, index, e, i);
            }
            unowned |= e.type() != EntryType.DIRECTORY && source[i] == null;
        }
        for (int i = 1; i < entries.size(); i++) {
            unowned |= source[i] == null && !covered.get(i);
        }
        List<String> groups = groupsBySize(owners.installedSizes(), treeBytes);
        if (groups.isEmpty()) {
            return new LayerPlan(List.of(new Layer("the appliance", linked(entries))));
        }
        int own = Math.min(groups.size(), maxLayers - 1);
        Map<String, Integer> layerOf = new HashMap<>();
        List<String> descriptions = new ArrayList<>();
        for (int k = 0; k < own; k++) {
            layerOf.put(groups.get(k), k);
            descriptions.add("source package " + groups.get(k));
        }
        List<String> rest = groups.subList(own, groups.size());
        int top = -1;
        if (unowned || !rest.isEmpty()) {
            top = own;
            for (String g : rest) {
                layerOf.put(g, top);
            }
            descriptions.add(topDescription(rest, unowned));
        }
        BitSet[] members = new BitSet[descriptions.size()];
        for (int l = 0; l < members.length; l++) {
            members[l] = new BitSet(entries.size());
            members[l].set(0);
        }
        for (int i = 1; i < entries.size(); i++) {
            TreeEntry e = entries.get(i);
            int layer;
            if (source[i] != null) {
                layer = layerOf.get(source[i]);
            } else if (e.type() != EntryType.DIRECTORY || !covered.get(i)) {
                layer = top;
            } else {
                continue;
            }
            members[layer].set(i);
            markAncestors(members[layer], index, e, i);
        }
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < members.length; l++) {
            List<TreeEntry> chosen = new ArrayList<>(members[l].cardinality());
            for (int i = members[l].nextSetBit(0); i >= 0; i = members[l].nextSetBit(i + 1)) {
                chosen.add(entries.get(i));
            }
            layers.add(new Layer(descriptions.get(l), linked(chosen)));
        }
        return new LayerPlan(layers);
    }

    /** What the top layer holds: the groups without a layer of their own, what no package owns, or both. */
    private static String topDescription(List<String> rest, boolean unowned) {
        String groups = rest.isEmpty() ? ""
                : (rest.size() == 1 ? "source package " : "source packages ") + String.join(" ", new java.util.TreeSet<>(rest));
        if (!unowned) {
            return groups;
        }
        return (groups.isEmpty() ? "" : groups + " and ") + UNOWNED;
    }

    /** Sets the bits of the directories above entry {@code i}, stopping at one already set. */
    private static void markAncestors(BitSet bits, Map<String, Integer> index, TreeEntry e, int i) {
        String parent = e.parent();
        while (parent != null) {
            Integer p = index.get(parent);
            if (p == null || bits.get(p)) {
                return;
            }
            bits.set(p);
            int slash = parent.lastIndexOf('/');
            parent = parent.equals("/") ? null : slash == 0 ? "/" : parent.substring(0, slash);
        }
    }

    /**
     * The groups, largest first by installed size (by the bytes they own in the tree where the
     * database records no sizes), then by name.
     */
    static List<String> groupsBySize(Map<String, Long> installed, Map<String, Long> treeBytes) {
        long recorded = 0;
        for (long v : installed.values()) {
            recorded += v;
        }
        Map<String, Long> size = recorded > 0 ? installed : treeBytes;
        List<String> groups = new ArrayList<>(new java.util.TreeSet<>(treeBytes.keySet()));
        groups.sort((a, b) -> {
            int c = Long.compare(size.getOrDefault(b, 0L), size.getOrDefault(a, 0L));
            return c != 0 ? c : a.compareTo(b);
        });
        return groups;
    }

    /**
     * The entries with each hard-link group's first member inside this list made the member
     * that carries the content, and the later ones linked to it.
     */
    static List<TreeEntry> linked(List<TreeEntry> entries) {
        Map<String, String> first = new HashMap<>();
        List<TreeEntry> out = new ArrayList<>(entries.size());
        for (TreeEntry e : entries) {
            String group = e.hardLinkGroup();
            if (group == null) {
                out.add(e);
                continue;
            }
            String head = first.putIfAbsent(group, e.path());
            String wanted = head == null ? e.path() : head;
            out.add(wanted.equals(group) ? e : e.withHardLinkGroup(wanted));
        }
        return out;
    }
}
