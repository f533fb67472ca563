package org.jsupermin.ext2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Encodes an inode's extended attributes, either in the inode body after i_extra_isize
 * (magic, entries, values at the end, offsets relative to the first entry) or in a separate
 * xattr block (32-byte header with magic, refcount, h_blocks = 1 and the block hash; entries
 * from offset 32, values packed down from the end of the block).
 */
final class XattrBlock {

    static final int BLOCK_HEADER = 32;

    private XattrBlock() {
    }

    /** The sorted on-disk entries for a set of full names and values. */
    static List<XattrEntry> entries(Map<String, byte[]> xattrs) throws Ext2Exception {
        List<XattrEntry> list = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : xattrs.entrySet()) {
            list.add(XattrEntry.of(e.getKey(), e.getValue()));
        }
        list.sort(XattrEntry.ORDER);
        return list;
    }

    private static int needed(List<XattrEntry> entries) {
        int n = 4;
        for (XattrEntry e : entries) {
            n += e.entrySize() + e.valueSize();
        }
        return n;
    }

    /** The in-inode area (magic first) holding {@code entries}, or null when they do not fit. */
    static byte[] inInode(List<XattrEntry> entries) {
        int area = Inode.XATTR_AREA;
        if (4 + needed(entries) > area) {
            return null;
        }
        byte[] bytes = new byte[area];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, XattrEntry.MAGIC);
        layout(b, entries, 4, area, 4);
        return bytes;
    }

    /** Whether {@code entries} fit in one block. */
    static boolean fitsBlock(List<XattrEntry> entries) {
        return BLOCK_HEADER + needed(entries) <= Geometry.BLOCK_SIZE;
    }

    /** A whole xattr block shared by {@code refcount} inodes. */
    static byte[] block(List<XattrEntry> entries, int refcount) {
        byte[] bytes = new byte[Geometry.BLOCK_SIZE];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, XattrEntry.MAGIC);
        b.putInt(4, refcount);
        b.putInt(8, 1);
        layout(b, entries, BLOCK_HEADER, Geometry.BLOCK_SIZE, 0);
        int hash = 0;
        for (XattrEntry e : entries) {
            int h = e.hash();
            if (h == 0) {
                hash = 0;
                break;
            }
            hash = (hash << 16) ^ (hash >>> 16) ^ h;
        }
        b.putInt(12, hash);
        return bytes;
    }

    private static void layout(ByteBuffer b, List<XattrEntry> entries, int first, int end, int base) {
        int at = first;
        int valueAt = end;
        for (XattrEntry e : entries) {
            valueAt -= e.valueSize();
            e.encode(b, at, valueAt, base);
            at += e.entrySize();
        }
    }
}
