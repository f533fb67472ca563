package org.jsupermin.ext2;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands out data blocks in increasing order, skipping each group's metadata, so that a file's
 * blocks are contiguous except where they cross a group's metadata. The blocks handed out of a
 * group are always a prefix of its data area; a range handed out earlier can be
 * {@linkplain #release released} again (contents copied ahead that no file took), and those
 * blocks are then free in the bitmaps but never handed out again.
 */
final class BlockAllocator {

    private final Geometry geometry;
    private long next;
    private long used;
    /** Released ranges [from, to) of block numbers, in increasing order, not overlapping. */
    private final List<long[]> released = new ArrayList<>();

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

    /** Data blocks handed out so far (released ones included). */
    long used() {
        return used;
    }

    /** The block the next allocation starts looking at. */
    long position() {
        return next;
    }

    /**
     * Frees the data blocks handed out between two {@link #position()}s {@code from} and
     * {@code to}; ranges must be released in increasing order.
     */
    void release(long from, long to) {
        if (to <= from) {
            return;
        }
        if (!released.isEmpty() && from < released.get(released.size() - 1)[1]) {
            throw new IllegalArgumentException("release ranges out of order: " + from);
        }
        released.add(new long[] {from, to});
    }

    /** The released ranges [from, to), in increasing order. */
    List<long[]> releasedRanges() {
        return released;
    }

    /** Released data blocks of group {@code g}. */
    long releasedInGroup(int g) {
        long first = geometry.firstDataBlock(g);
        long end = geometry.groupStart(g) + geometry.groupBlocks(g);
        long n = 0;
        for (long[] r : released) {
            n += Math.max(0, Math.min(r[1], end) - Math.max(r[0], first));
        }
        return n;
    }

    /** Data blocks in use in group {@code g}. */
    long usedInGroup(int g) {
        long first = geometry.firstDataBlock(g);
        long end = geometry.groupStart(g) + geometry.groupBlocks(g);
        return Math.max(0, Math.min(next, end) - first);
    }
}
