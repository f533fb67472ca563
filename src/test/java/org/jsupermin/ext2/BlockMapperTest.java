package org.jsupermin.ext2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BlockMapperTest {

    private final Map<Long, int[]> written = new HashMap<>();

    @Test
    void countsIndirectBlocksAtEveryBoundary() {
        assertEquals(0, BlockMapper.indirectBlocks(0));
        assertEquals(0, BlockMapper.indirectBlocks(12));
        assertEquals(1, BlockMapper.indirectBlocks(13));
        assertEquals(1, BlockMapper.indirectBlocks(12 + 1024));
        assertEquals(1 + 2, BlockMapper.indirectBlocks(12 + 1024 + 1));
        assertEquals(1 + 1 + 1024, BlockMapper.indirectBlocks(12 + 1024 + 1024L * 1024));
        assertEquals(1 + 1 + 1024 + 3, BlockMapper.indirectBlocks(12 + 1024 + 1024L * 1024 + 1));
        assertEquals(1 + 1 + 1024 + 1 + 2 + 1025,
                BlockMapper.indirectBlocks(12 + 1024 + 2 * 1024L * 1024 + 1));
    }

    /** Maps a file one block into the triple-indirect range and resolves every block back. */
    @Test
    void mapsAContiguousFileThroughAllFourLevels() throws Exception {
        long n = BlockMapper.DOUBLE_END + 1;
        BlockMapper mapper = mapper(8L << 30);
        long[] phys = new long[(int) n];
        for (long l = 0; l < n; l++) {
            phys[(int) l] = mapper.place(l);
        }
        mapper.finish();
        assertEquals(n + BlockMapper.indirectBlocks(n), mapper.blocks());
        assertEquals(BlockMapper.indirectBlocks(n), written.size());
        int[] iBlock = mapper.iBlock();
        for (long l : new long[] {0, 11, 12, 1035, 1036, 2060, BlockMapper.DOUBLE_END - 1, BlockMapper.DOUBLE_END}) {
            assertEquals(phys[(int) l], resolve(iBlock, l), "logical block " + l);
        }
        // indirect blocks sit just before the first data block they map, as the kernel lays them out
        assertEquals(phys[11] + 2, phys[12]);
        assertEquals(iBlock[12], phys[11] + 1);
    }

    @Test
    void leavesHolesUnmappedInASparseFile() throws Exception {
        BlockMapper mapper = mapper(64L << 20);
        long[] logical = {0, BlockMapper.SINGLE_END + 5000, BlockMapper.DOUBLE_END + 3L * 1024 * 1024 + 7};
        long[] phys = new long[logical.length];
        for (int i = 0; i < logical.length; i++) {
            phys[i] = mapper.place(logical[i]);
        }
        mapper.finish();
        // data: 3; double: dind + ind; triple: tind + dind + ind
        assertEquals(3 + 2 + 3, mapper.blocks());
        int[] iBlock = mapper.iBlock();
        assertEquals(0, iBlock[12]);
        for (int i = 0; i < logical.length; i++) {
            assertEquals(phys[i], resolve(iBlock, logical[i]));
        }
        assertEquals(0, resolve(iBlock, 1));
        assertEquals(0, resolve(iBlock, BlockMapper.SINGLE_END + 5001));
        assertNotEquals(0, iBlock[14]);
    }

    private BlockMapper mapper(long imageSize) {
        Geometry g = Geometry.of(imageSize, 1024);
        return new BlockMapper(new BlockAllocator(g), (block, pointers) -> written.put(block, pointers.clone()));
    }

    private long resolve(int[] iBlock, long l) {
        if (l < BlockMapper.DIRECT) {
            return iBlock[(int) l];
        }
        if (l < BlockMapper.SINGLE_END) {
            return at(iBlock[12], l - BlockMapper.DIRECT);
        }
        if (l < BlockMapper.DOUBLE_END) {
            long r = l - BlockMapper.SINGLE_END;
            return at(at(iBlock[13], r / 1024), r % 1024);
        }
        long r = l - BlockMapper.DOUBLE_END;
        return at(at(at(iBlock[14], r / (1024 * 1024)), (r / 1024) % 1024), r % 1024);
    }

    private long at(long block, long index) {
        if (block == 0) {
            return 0;
        }
        return Integer.toUnsignedLong(written.get(block)[(int) index]);
    }
}
