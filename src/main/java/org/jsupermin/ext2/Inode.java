package org.jsupermin.ext2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One 256-byte on-disk inode: the classic 128-byte ext2 inode, then i_extra_isize = 32 bytes of
 * extra fields (nanoseconds and epoch bits of times, creation time), then in-inode extended
 * attributes.
 */
final class Inode {

    static final int EXTRA_ISIZE = 32;
    /** Offset of the in-inode xattr area (magic, entries, values). */
    static final int XATTR_OFFSET = 128 + EXTRA_ISIZE;
    static final int XATTR_AREA = Geometry.INODE_SIZE - XATTR_OFFSET;

    int mode;
    int uid;
    int gid;
    long size;
    long atime;
    long ctime;
    long mtime;
    int linksCount;
    /** Blocks used (data, indirect, xattr) in 4 KiB units; written as 512-byte sectors. */
    long blocks;
    long fileAcl;
    /** The 60-byte i_block area: block pointers, a fast symlink's target or a device number. */
    final byte[] iBlock = new byte[60];
    /** The in-inode xattr area (starting with the magic), or null. */
    byte[] xattrArea;

    /** Stores 15 block pointers in i_block. */
    void setBlockPointers(int[] pointers) {
        ByteBuffer b = ByteBuffer.wrap(iBlock).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 15; i++) {
            b.putInt(i * 4, pointers[i]);
        }
    }

    /** Stores a device number, old 16-bit encoding when it fits, else the new 32-bit one. */
    void setDevice(int major, int minor) {
        ByteBuffer b = ByteBuffer.wrap(iBlock).order(ByteOrder.LITTLE_ENDIAN);
        if (major >= 0 && major < 256 && minor >= 0 && minor < 256) {
            b.putInt(0, (major << 8) | minor);
        } else {
            b.putInt(4, (minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12));
        }
    }

    /** Writes the inode at {@code offset} of {@code out} (which must be zeroed there). */
    void encode(ByteBuffer out, int offset) {
        ByteBuffer b = out.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(offset, (short) mode);
        b.putShort(offset + 2, (short) uid);
        b.putInt(offset + 4, (int) size);
        b.putInt(offset + 8, (int) atime);
        b.putInt(offset + 12, (int) ctime);
        b.putInt(offset + 16, (int) mtime);
        b.putShort(offset + 24, (short) gid);
        b.putShort(offset + 26, (short) linksCount);
        b.putInt(offset + 28, (int) (blocks * (Geometry.BLOCK_SIZE / 512)));
        b.put(offset + 40, iBlock);
        b.putInt(offset + 104, (int) fileAcl);
        b.putInt(offset + 108, (int) (size >>> 32));
        b.putShort(offset + 120, (short) (uid >>> 16));
        b.putShort(offset + 122, (short) (gid >>> 16));
        b.putShort(offset + 128, (short) EXTRA_ISIZE);
        b.putInt(offset + 132, epochBits(ctime));
        b.putInt(offset + 136, epochBits(mtime));
        b.putInt(offset + 140, epochBits(atime));
        b.putInt(offset + 144, (int) ctime);
        b.putInt(offset + 148, epochBits(ctime));
        if (xattrArea != null) {
            b.put(offset + XATTR_OFFSET, xattrArea);
        }
    }

    /** The extra-field epoch bits for times outside the signed 32-bit range (nanoseconds 0). */
    static int epochBits(long seconds) {
        return (int) (((seconds - (int) seconds) >> 32) & 3);
    }
}
