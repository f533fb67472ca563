package org.jsupermin.ext2;

/**
 * The fixed layout of an image: block size 4096, 32768 blocks per group, 256-byte inodes,
 * sparse_super backups in groups 0, 1 and powers of 3, 5 and 7, no reserved GDT blocks.
 * Each group starts with [superblock, group descriptors] when it holds a backup, then the
 * block bitmap, the inode bitmap and the inode table; data blocks follow.
 */
final class Geometry {

    static final int BLOCK_SIZE = 4096;
    static final int BLOCKS_PER_GROUP = 32768;
    static final int INODE_SIZE = 256;
    static final int INODES_PER_BLOCK = BLOCK_SIZE / INODE_SIZE;
    static final int DESCRIPTOR_SIZE = 32;
    /** A last group with fewer data blocks than this is dropped, as mke2fs does. */
    static final int MIN_LAST_GROUP_DATA = 50;

    final long blocksCount;
    final int groups;
    final int inodesPerGroup;
    final int inodeTableBlocks;
    final int gdtBlocks;

    private Geometry(long blocksCount, int groups, int inodesPerGroup) {
        this.blocksCount = blocksCount;
        this.groups = groups;
        this.inodesPerGroup = inodesPerGroup;
        this.inodeTableBlocks = inodesPerGroup / INODES_PER_BLOCK;
        this.gdtBlocks = (int) ceilDiv((long) groups * DESCRIPTOR_SIZE, BLOCK_SIZE);
    }

    /**
     * The layout of an image of {@code sizeBytes} with room for about {@code inodesWanted}
     * inodes (rounded up to whole inode-table blocks per group, at most 32768 per group), or null
     * when not even one group with its metadata fits.
     */
    static Geometry of(long sizeBytes, long inodesWanted) {
        long blocks = Math.min(sizeBytes / BLOCK_SIZE, 0xFFFFFFFFL);
        int groups = (int) ceilDiv(blocks, BLOCKS_PER_GROUP);
        while (groups > 0) {
            long ipg = ceilDiv(Math.max(inodesWanted, 1), groups);
            ipg = Math.max(INODES_PER_BLOCK, Math.min(BLOCKS_PER_GROUP, ceilDiv(ipg, INODES_PER_BLOCK) * INODES_PER_BLOCK));
            Geometry g = new Geometry(blocks, groups, (int) ipg);
            if (g.groupBlocks(groups - 1) >= g.overhead(groups - 1) + MIN_LAST_GROUP_DATA) {
                return g;
            }
            groups--;
            blocks = (long) groups * BLOCKS_PER_GROUP;
        }
        return null;
    }

    /** Whether {@code other} lays out blocks, groups and inode tables exactly as this one. */
    boolean sameLayout(Geometry other) {
        return other != null && blocksCount == other.blocksCount && groups == other.groups
                && inodesPerGroup == other.inodesPerGroup;
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Whether group {@code g} holds a superblock and descriptor backup (sparse_super). */
    static boolean hasSuper(int g) {
        return g <= 1 || isPower(g, 3) || isPower(g, 5) || isPower(g, 7);
    }

    private static boolean isPower(int n, int base) {
        long p = base;
        while (p < n) {
            p *= base;
        }
        return p == n;
    }

    long inodesCount() {
        return (long) groups * inodesPerGroup;
    }

    long groupStart(int g) {
        return (long) g * BLOCKS_PER_GROUP;
    }

    long groupBlocks(int g) {
        return Math.min(BLOCKS_PER_GROUP, blocksCount - groupStart(g));
    }

    /** Blocks taken by superblock, descriptors, bitmaps and inode table at the start of group g. */
    int overhead(int g) {
        return (hasSuper(g) ? 1 + gdtBlocks : 0) + 2 + inodeTableBlocks;
    }

    long blockBitmap(int g) {
        return groupStart(g) + (hasSuper(g) ? 1 + gdtBlocks : 0);
    }

    long inodeBitmap(int g) {
        return blockBitmap(g) + 1;
    }

    long inodeTable(int g) {
        return blockBitmap(g) + 2;
    }

    long firstDataBlock(int g) {
        return groupStart(g) + overhead(g);
    }

    /** Blocks left for directories, files, symlinks and xattr blocks. */
    long dataCapacity() {
        long total = blocksCount;
        for (int g = 0; g < groups; g++) {
            total -= overhead(g);
        }
        return total;
    }
}
