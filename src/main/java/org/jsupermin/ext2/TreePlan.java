package org.jsupermin.ext2;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsupermin.util.PathOrder;

/**
 * Everything decided before writing: names in path order, parents, hard links resolved to one
 * inode, inode numbers (root 2, lost+found 11, the rest from 12 in path order), link counts,
 * extended attributes placed in the inode or in shared blocks, and block estimates.
 */
final class TreePlan {

    static final int ROOT_INO = 2;
    static final int LOST_FOUND_INO = 11;
    static final int LOST_FOUND_BLOCKS = 4;
    static final int LINK_MAX = 32000;

    /** All names in path order. */
    final List<Node> sorted;
    /** The nodes holding an inode, in inode order. */
    final List<Node> owners = new ArrayList<>();
    final Node lostFound;
    final int lastIno;
    /** Shared xattr blocks in order of first use, with their final reference counts. */
    final List<byte[]> xattrBlocks = new ArrayList<>();
    /** Upper bound of data blocks each owner needs (no holes), in owner order. */
    final long[] upperBlocks;
    /** Blocks every image of this tree needs whatever the file contents: directories, symlinks, xattrs. */
    final long fixedBlocks;

    /** Owners by inode number. */
    private static final java.util.Comparator<Node> BY_INO = java.util.Comparator.comparingInt(n -> n.ino);

    TreePlan(Map<String, Node> byPath) throws Ext2Exception {
        sorted = new ArrayList<>(byPath.values());
        PathOrder.sort(sorted, n -> n.path);
        Node root = byPath.get("/");
        lostFound = byPath.get("/lost+found");
        if (root == null || root.type != FileType.DIRECTORY || lostFound == null || lostFound.type != FileType.DIRECTORY) {
            throw new Ext2Exception("/ and /lost+found must be directories");
        }
        linkParents(byPath);
        resolveHardLinks(byPath);
        root.ino = ROOT_INO;
        lostFound.ino = LOST_FOUND_INO;
        int next = Superblock.FIRST_INO + 1;
        for (Node n : sorted) {
            if (!n.isLink() && n != root && n != lostFound) {
                n.ino = next++;
            }
        }
        lastIno = next - 1;
        for (Node n : sorted) {
            if (n.isLink()) {
                n.ino = n.owner.ino;
            } else {
                owners.add(n);
            }
        }
        owners.sort(BY_INO);
        for (Node n : owners) {
            if (n.links > LINK_MAX) {
                throw new Ext2Exception(n.path + " would have " + n.links + " links; ext2 allows " + LINK_MAX);
            }
        }
        planXattrs();
        upperBlocks = new long[owners.size()];
        long fixed = xattrBlocks.size();
        for (int i = 0; i < owners.size(); i++) {
            Node n = owners.get(i);
            long data = switch (n.type) {
                case DIRECTORY -> Math.max(n == lostFound ? LOST_FOUND_BLOCKS : 1, DirectoryBlocks.blockCount(entries(n)));
                case REGULAR -> Geometry.ceilDiv(n.size, Geometry.BLOCK_SIZE);
                case SYMLINK -> n.isFastSymlink() ? 0 : 1;
                default -> 0;
            };
            upperBlocks[i] = data + BlockMapper.indirectBlocks(data);
            if (n.type != FileType.REGULAR) {
                fixed += upperBlocks[i];
            }
        }
        fixedBlocks = fixed;
    }

    private void linkParents(Map<String, Node> byPath) throws Ext2Exception {
        for (Node n : sorted) {
            n.links = n.type == FileType.DIRECTORY ? 2 : (n.isLink() ? 0 : 1);
        }
        for (Node n : sorted) {
            String parentPath = n.parentPath();
            if (parentPath == null) {
                continue;
            }
            Node parent = byPath.get(parentPath);
            if (parent == null || parent.type != FileType.DIRECTORY) {
                throw new Ext2Exception("cannot add " + n.path + ": " + parentPath + " was not added as a directory");
            }
            if (n.name().length > 255) {
                throw new Ext2Exception("cannot add " + n.path + ": its name is longer than 255 bytes");
            }
            if (n.type == FileType.SYMLINK && (n.targetBytes().length == 0 || n.targetBytes().length >= Geometry.BLOCK_SIZE)) {
                throw new Ext2Exception("cannot add symlink " + n.path + ": its target must be 1 to 4095 bytes");
            }
            if (n.type == FileType.SYMLINK && n.target.indexOf('\0') >= 0) {
                // the kernel and e2fsck read a target up to its first NUL: the link would be corrupt
                throw new Ext2Exception("cannot add symlink " + n.path + ": its target holds a NUL byte");
            }
            n.parent = parent;
            parent.children.add(n);
            if (n.type == FileType.DIRECTORY) {
                parent.links++;
            }
        }
    }

    private void resolveHardLinks(Map<String, Node> byPath) throws Ext2Exception {
        for (Node n : sorted) {
            Node t = n;
            for (int hops = 0; t != null && t.isLink(); hops++) {
                if (hops > byPath.size()) {
                    throw new Ext2Exception("hard link " + n.path + " is part of a cycle of links");
                }
                t = byPath.get(t.linkTo);
            }
            if (t == null) {
                throw new Ext2Exception("hard link " + n.path + " names " + n.linkTo + ", which was not added");
            }
            if (n.isLink() && t.type == FileType.DIRECTORY) {
                throw new Ext2Exception("hard link " + n.path + " names directory " + t.path + "; ext2 allows no directory hard links");
            }
            n.owner = t;
            if (n.isLink()) {
                t.links++;
            }
        }
    }

    private void planXattrs() throws Ext2Exception {
        Map<ByteBuffer, Integer> shared = new HashMap<>();
        List<List<XattrEntry>> entriesOf = new ArrayList<>();
        List<Integer> refs = new ArrayList<>();
        for (Node n : owners) {
            if (n.attrs.xattrs().isEmpty()) {
                continue;
            }
            List<XattrEntry> entries = XattrBlock.entries(n.attrs.xattrs());
            n.xattrInline = XattrBlock.inInode(entries);
            if (n.xattrInline != null) {
                continue;
            }
            if (!XattrBlock.fitsBlock(entries)) {
                throw new Ext2Exception("extended attributes of " + n.path + " do not fit in one 4 KiB block");
            }
            ByteBuffer key = ByteBuffer.wrap(XattrBlock.block(entries, 0));
            Integer index = shared.get(key);
            if (index == null) {
                index = entriesOf.size();
                shared.put(key, index);
                entriesOf.add(entries);
                refs.add(0);
            }
            refs.set(index, refs.get(index) + 1);
            n.xattrBlock = index;
        }
        for (int i = 0; i < entriesOf.size(); i++) {
            xattrBlocks.add(XattrBlock.block(entriesOf.get(i), refs.get(i)));
        }
    }

    /** The entries of directory {@code dir}: ".", "..", then its children in path order. */
    List<DirectoryBlocks.Entry> entries(Node dir) {
        List<DirectoryBlocks.Entry> list = new ArrayList<>(dir.children.size() + 2);
        list.add(new DirectoryBlocks.Entry(new byte[] {'.'}, dir.ino, FileType.DIRECTORY.direntType()));
        Node parent = dir.parent == null ? dir : dir.parent;
        list.add(new DirectoryBlocks.Entry(new byte[] {'.', '.'}, parent.ino, FileType.DIRECTORY.direntType()));
        for (Node c : dir.children) {
            list.add(new DirectoryBlocks.Entry(c.name(), c.ino, c.owner.type.direntType()));
        }
        return list;
    }
}
