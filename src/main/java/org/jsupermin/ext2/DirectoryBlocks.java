package org.jsupermin.ext2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Packs a linear directory into 4 KiB blocks: each entry is inode (4), rec_len (2), name_len (1),
 * file_type (1) and the name padded to 4 bytes; an entry never crosses a block and the last
 * entry of each block stretches its rec_len to the block's end.
 */
final class DirectoryBlocks {

    /** One name in a directory. */
    record Entry(byte[] name, int inode, int fileType) {
        int size() {
            return 8 + XattrEntry.pad4(name.length);
        }
    }

    private DirectoryBlocks() {
    }

    /** Number of blocks {@link #pack} produces for these entries ("." and ".." included). */
    static int blockCount(List<Entry> entries) {
        int blocks = 1;
        int used = 0;
        for (Entry e : entries) {
            if (used + e.size() > Geometry.BLOCK_SIZE) {
                blocks++;
                used = 0;
            }
            used += e.size();
        }
        return blocks;
    }

    /**
     * The directory's blocks, at least {@code minBlocks}; blocks beyond the entries hold one
     * empty entry (inode 0) spanning the block, as mke2fs writes lost+found.
     */
    static byte[] pack(List<Entry> entries, int minBlocks) {
        int blocks = Math.max(minBlocks, blockCount(entries));
        byte[] bytes = new byte[blocks * Geometry.BLOCK_SIZE];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int block = 0;
        int used = 0;
        int last = -1;
        for (Entry e : entries) {
            if (used + e.size() > Geometry.BLOCK_SIZE) {
                stretch(b, last, block);
                block++;
                used = 0;
            }
            int at = block * Geometry.BLOCK_SIZE + used;
            b.putInt(at, e.inode());
            b.putShort(at + 4, (short) e.size());
            b.put(at + 6, (byte) e.name().length);
            b.put(at + 7, (byte) e.fileType());
            b.put(at + 8, e.name());
            last = at;
            used += e.size();
        }
        stretch(b, last, block);
        for (int i = block + 1; i < blocks; i++) {
            b.putShort(i * Geometry.BLOCK_SIZE + 4, (short) Geometry.BLOCK_SIZE);
        }
        return bytes;
    }

    private static void stretch(ByteBuffer b, int entry, int block) {
        if (entry >= 0) {
            b.putShort(entry + 4, (short) ((block + 1) * Geometry.BLOCK_SIZE - entry));
        }
    }
}
