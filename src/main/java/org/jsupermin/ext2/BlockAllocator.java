package org.jsupermin.ext2;

/**
 * Hands out data blocks in increasing order, skipping each group's metadata, so that a file's
 * blocks are contiguous except where they cross a group's metadata. Nothing is ever freed, so
 * the used data blocks of a group are always a prefix of its data area.
 */
final class BlockAllocator {

    private final Geometry geometry;
    private long next;
    private long used;

    BlockAllocator(Geometry geometry) {
        this.geometry = geometry;
        this.next = geometry.firstDataBlock(0);
    }

    /** The next free block. */
    long allocate() throws NoSpaceException {
        while (true) {
            if (next >= geometry.blocksCount) {
                throw new NoSpaceException();
            }
            int g = (int) (next / Geometry.BLOCKS_PER_GROUP);
            long first = geometry.firstDataBlock(g);
            if (next < first) {
                next = first;
                continue;
            }
            used++;
            return next++;
        }
    }

    /** Data blocks handed out so far. */
    long used() {
        return used;
    }

    /** Data blocks in use in group {@code g}. */
    long usedInGroup(int g) {
        long first = geometry.firstDataBlock(g);
        long end = geometry.groupStart(g) + geometry.groupBlocks(g);
        return Math.max(0, Math.min(next, end) - first);
    }
}
