package org.jsupermin.ext2;

import java.nio.ByteBuffer;

/**
 * One 32-byte block group descriptor: where the group's bitmaps and inode table are and how
 * many blocks, inodes and directories it counts.
 */
record GroupDescriptor(long blockBitmap, long inodeBitmap, long inodeTable, int freeBlocks, int freeInodes,
                       int usedDirs) {

    /** Writes the descriptor at {@code offset} of a little-endian buffer. */
    void encode(ByteBuffer b, int offset) {
        b.putInt(offset, (int) blockBitmap);
        b.putInt(offset + 4, (int) inodeBitmap);
        b.putInt(offset + 8, (int) inodeTable);
        b.putShort(offset + 12, (short) freeBlocks);
        b.putShort(offset + 14, (short) freeInodes);
        b.putShort(offset + 16, (short) usedDirs);
    }
}
