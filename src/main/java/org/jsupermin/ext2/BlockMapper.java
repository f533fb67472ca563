package org.jsupermin.ext2;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Builds one inode's block map (12 direct pointers, then single, double and triple indirect
 * blocks) while its data blocks are placed in increasing logical order. Indirect blocks are
 * allocated just before the first data block they map, as the kernel does, and written as soon
 * as the mapping moves past them, so memory stays constant whatever the file size. Logical
 * blocks that are never placed stay holes.
 */
final class BlockMapper {

    static final int DIRECT = 12;
    static final int PER_BLOCK = Geometry.BLOCK_SIZE / 4;
    static final long SINGLE_END = DIRECT + PER_BLOCK;
    static final long DOUBLE_END = SINGLE_END + (long) PER_BLOCK * PER_BLOCK;
    static final long TRIPLE_END = DOUBLE_END + (long) PER_BLOCK * PER_BLOCK * PER_BLOCK;

    /** Where finished indirect blocks go. */
    interface IndirectSink {
        void write(long block, int[] pointers) throws IOException;
    }

    private final BlockAllocator allocator;
    private final IndirectSink sink;
    private final ArrayDeque<int[]> spares;
    private final int[] iBlock = new int[15];
    private long blocks;
    private long lastLogical = -1;

    private final Level ind = new Level();
    private final Level dind = new Level();
    private final Level tind = new Level();

    /** One indirect block being filled: its key (which one it is), location and pointers. */
    private static final class Level {
        long key = -1;
        long block;
        int[] pointers;
    }

    /** An all-zero array of pointers: one written before, if any (the sink copies what it writes). */
    private int[] fresh() {
        int[] a = spares.poll();
        if (a == null) {
            return new int[PER_BLOCK];
        }
        Arrays.fill(a, 0);
        return a;
    }

    BlockMapper(BlockAllocator allocator, IndirectSink sink) {
        this(allocator, sink, new ArrayDeque<>());
    }

    /** A mapper that takes its pointer arrays from {@code spares} and gives them back once written. */
    BlockMapper(BlockAllocator allocator, IndirectSink sink, ArrayDeque<int[]> spares) {
        this.allocator = allocator;
        this.sink = sink;
        this.spares = spares;
    }

    /** Allocates (after any indirect blocks it needs) and maps the data block for {@code logical}. */
    long place(long logical) throws NoSpaceException, IOException {
        if (logical <= lastLogical || logical >= TRIPLE_END) {
            throw new IllegalArgumentException("logical block " + logical + " out of order or beyond the triple-indirect limit");
        }
        lastLogical = logical;
        if (logical < DIRECT) {
            long b = allocate();
            iBlock[(int) logical] = (int) b;
            return b;
        }
        int[] parent;
        int parentIndex;
        long indKey;
        if (logical < SINGLE_END) {
            parent = iBlock;
            parentIndex = 12;
            indKey = 0;
        } else if (logical < DOUBLE_END) {
            long l = logical - SINGLE_END;
            enterDouble(0, iBlock, 13);
            parent = dind.pointers;
            parentIndex = (int) (l / PER_BLOCK);
            indKey = 1 + l / PER_BLOCK;
        } else {
            long l = logical - DOUBLE_END;
            if (tind.pointers == null) {
                tind.block = allocate();
                tind.pointers = fresh();
                iBlock[14] = (int) tind.block;
            }
            long perDouble = (long) PER_BLOCK * PER_BLOCK;
            enterDouble(1 + l / perDouble, tind.pointers, (int) (l / perDouble));
            parent = dind.pointers;
            parentIndex = (int) ((l / PER_BLOCK) % PER_BLOCK);
            indKey = 1 + PER_BLOCK + l / PER_BLOCK;
        }
        if (ind.key != indKey) {
            flush(ind);
            ind.key = indKey;
            ind.block = allocate();
            ind.pointers = fresh();
            parent[parentIndex] = (int) ind.block;
        }
        long b = allocate();
        long first = logical < SINGLE_END ? logical - DIRECT : (logical < DOUBLE_END ? logical - SINGLE_END : logical - DOUBLE_END);
        ind.pointers[(int) (first % PER_BLOCK)] = (int) b;
        return b;
    }

    private void enterDouble(long key, int[] parent, int parentIndex) throws NoSpaceException, IOException {
        if (dind.key == key) {
            return;
        }
        flush(ind);
        flush(dind);
        dind.key = key;
        dind.block = allocate();
        dind.pointers = fresh();
        parent[parentIndex] = (int) dind.block;
    }

    private long allocate() throws NoSpaceException {
        long b = allocator.allocate();
        blocks++;
        return b;
    }

    private void flush(Level level) throws IOException {
        if (level.pointers != null) {
            sink.write(level.block, level.pointers);
            spares.push(level.pointers);
            level.pointers = null;
            level.key = -1;
        }
    }

    /** Writes the indirect blocks still being filled; call once after the last {@link #place}. */
    void finish() throws IOException {
        flush(ind);
        flush(dind);
        flush(tind);
    }

    /** The 15 block pointers for i_block. */
    int[] iBlock() {
        return iBlock.clone();
    }

    /** Blocks used, data and indirect. */
    long blocks() {
        return blocks;
    }

    /** Indirect blocks a file of {@code dataBlocks} contiguous blocks (no holes) needs. */
    static long indirectBlocks(long dataBlocks) {
        long n = dataBlocks - DIRECT;
        if (n <= 0) {
            return 0;
        }
        long total = 1;
        n -= PER_BLOCK;
        if (n <= 0) {
            return total;
        }
        long inDouble = Math.min(n, (long) PER_BLOCK * PER_BLOCK);
        total += 1 + Geometry.ceilDiv(inDouble, PER_BLOCK);
        n -= inDouble;
        if (n <= 0) {
            return total;
        }
        return total + 1 + Geometry.ceilDiv(n, (long) PER_BLOCK * PER_BLOCK) + Geometry.ceilDiv(n, PER_BLOCK);
    }
}
