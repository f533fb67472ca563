package org.jsupermin.ext2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class GeometryTest {

    @Test
    void placesBackupsInGroupsZeroOneAndPowersOfThreeFiveSeven() {
        for (int g : new int[] {0, 1, 3, 5, 7, 9, 25, 27, 49, 125, 343}) {
            assertTrue(Geometry.hasSuper(g), "group " + g);
        }
        for (int g : new int[] {2, 4, 6, 8, 10, 15, 21, 26, 50}) {
            assertFalse(Geometry.hasSuper(g), "group " + g);
        }
    }

    @Test
    void laysOutA1GiBImageAsEightGroups() {
        Geometry g = Geometry.of(1L << 30, 65536);
        assertEquals(262144, g.blocksCount);
        assertEquals(8, g.groups);
        assertEquals(8192, g.inodesPerGroup);
        assertEquals(512, g.inodeTableBlocks);
        assertEquals(1, g.gdtBlocks);
        assertEquals(2, g.blockBitmap(0));
        assertEquals(4, g.inodeTable(0));
        assertEquals(4 + 512, g.firstDataBlock(0));
        assertEquals(2 * 32768, g.blockBitmap(2));
        assertEquals(3 * 32768 + 2, g.blockBitmap(3));
        assertEquals(262144 - 5 * (2 + 2 + 512) - 3 * (2 + 512), g.dataCapacity());
    }

    @Test
    void dropsATinyLastGroupAndRoundsInodesToWholeTableBlocks() {
        Geometry g = Geometry.of((32768L + 60) * 4096, 1000);
        assertEquals(1, g.groups);
        assertEquals(32768, g.blocksCount);
        assertEquals(1008, g.inodesPerGroup);
        assertNull(Geometry.of(8 * 4096, 16));
    }

    @Test
    void superblockCarriesTheRevision1Fields() {
        Geometry g = Geometry.of(64L << 20, 4096);
        Superblock sb = new Superblock(g);
        sb.timestamp = 1700000000L;
        sb.uuid = UUID.fromString("01234567-89ab-4def-8123-456789abcdef");
        sb.hashSeed = sb.uuid;
        sb.volumeLabel = "root";
        ByteBuffer b = sb.encode(3);
        assertEquals(1024, b.capacity());
        assertEquals((short) 0xEF53, b.getShort(56));
        assertEquals(16384, b.getInt(4));
        assertEquals(4096, b.getInt(0));
        assertEquals(16384 * 5 / 100, b.getInt(8));
        assertEquals(2, b.getInt(24));
        assertEquals(1, b.getInt(76));
        assertEquals(11, b.getInt(84));
        assertEquals(256, b.getShort(88));
        assertEquals(3, b.getShort(90));
        assertEquals(0x0008, b.getInt(92));
        assertEquals(0x0002, b.getInt(96));
        assertEquals(0x0003, b.getInt(100));
        assertEquals(0x01, b.get(104));
        assertEquals((byte) 0xef, b.get(119));
        assertEquals('r', b.get(120));
        assertEquals(1700000000, b.getInt(264));
        assertEquals(1700000000, b.getInt(48));
        assertEquals(32, b.getShort(350));
    }

    @Test
    void bitmapsSetPaddingBits() {
        byte[] bits = MetadataWriter.bitmap(10, 16);
        assertEquals((byte) 0xff, bits[0]);
        assertEquals((byte) 0x03, bits[1]);
        assertEquals((byte) 0xff, bits[2]);
        assertEquals((byte) 0xff, bits[4095]);
    }
}
