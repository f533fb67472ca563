package org.jsupermin.tree;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rules every assembled tree obeys, whatever its entries came from and whatever the output
 * format: names every format can hold ({@link EntryNames}), every parent a directory of the tree
 * (so no entry is ever written through a symlink, which could point outside the output), and
 * every hard link naming a regular file that heads its group.
 */
final class TreeChecks {

    private TreeChecks() {
    }

    /**
     * Checks names and parents of {@code entries}, in which every parent is present.
     *
     * @param originOf where an entry came from ("base image X"), or null when it is not known
     */
    static void check(Map<String, TreeEntry> entries, Function<String, String> originOf) throws TreeException {
        for (TreeEntry e : entries.values()) {
            String path = e.path();
            String problem = EntryNames.problem(path);
            if (problem == null && e.type() == EntryType.SYMLINK) {
                problem = EntryNames.targetProblem(e.linkTarget());
            }
            if (problem != null) {
                throw new TreeException(described(path, originOf) + " cannot be written: " + problem
                        + "; rename or remove it");
            }
            String parent = e.parent();
            if (parent == null) {
                continue;
            }
            TreeEntry p = entries.get(parent);
            if (p != null && p.type() != EntryType.DIRECTORY) {
                throw new TreeException(insideNonDirectory(e, p, originOf));
            }
        }
    }

    /** "/x/f is inside /x, a symlink to /tmp (from …): …", each origin said once. */
    private static String insideNonDirectory(TreeEntry e, TreeEntry parent, Function<String, String> originOf) {
        String origin = originOf.apply(e.path());
        String parentOrigin = originOf.apply(parent.path());
        boolean same = origin != null && origin.equals(parentOrigin);
        return EntryNames.shown(e.path()) + (origin == null || same ? "" : " (from " + origin + ")")
                + " is inside " + EntryNames.shown(parent.path()) + ", " + kind(parent)
                + (parentOrigin == null ? "" : same ? " (both from " + origin + ")" : " (from " + parentOrigin + ")")
                + ": nothing may be written through it; remove one of the two from the supermin appliance";
    }

    /** Checks that every hard link of {@code list} names a regular file heading its own group. */
    static void checkHardLinks(List<TreeEntry> list, Map<String, TreeEntry> byPath, Function<String, String> originOf)
            throws TreeException {
        for (TreeEntry e : list) {
            if (!e.isHardLinkToEarlier()) {
                continue;
            }
            TreeEntry first = byPath.get(e.hardLinkGroup());
            boolean heads = first != null && first.type() == EntryType.FILE
                    && (first.hardLinkGroup() == null || first.hardLinkGroup().equals(e.hardLinkGroup()));
            if (!heads) {
                throw new TreeException("hard link " + described(e.path(), originOf) + " names "
                        + EntryNames.shown(e.hardLinkGroup()) + ", which is "
                        + (first == null ? "not in the appliance" : kind(first)) + " by now"
                        + "; remove one of the two from the supermin appliance");
            }
        }
    }

    private static String described(String path, Function<String, String> originOf) {
        String origin = originOf.apply(path);
        return EntryNames.shown(path) + (origin == null ? "" : " (from " + origin + ")");
    }

    private static String kind(TreeEntry e) {
        return switch (e.type()) {
            case SYMLINK -> "a symlink to " + EntryNames.shown(e.linkTarget());
            case FILE -> "a regular file";
            case DIRECTORY -> "a directory";
            case CHAR_DEVICE, BLOCK_DEVICE -> "a device node";
            case FIFO -> "a FIFO";
            case SOCKET -> "a socket";
        };
    }
}
