package org.jsupermin.ext2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class XattrBlockTest {

    private static final byte[] CAP = {1, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    @Test
    void mapsNamespacesToNameIndexes() throws Exception {
        assertEquals(6, XattrEntry.of("security.capability", CAP).nameIndex());
        assertArrayEquals("capability".getBytes(), XattrEntry.of("security.capability", CAP).name());
        assertEquals(1, XattrEntry.of("user.x", new byte[0]).nameIndex());
        assertEquals(4, XattrEntry.of("trusted.x", new byte[0]).nameIndex());
        assertEquals(7, XattrEntry.of("system.data", new byte[0]).nameIndex());
        assertThrows(Ext2Exception.class, () -> XattrEntry.of("weird.x", new byte[0]));
    }

    @Test
    void hashesNameThenValueWords() {
        assertEquals('a', new XattrEntry(1, new byte[] {'a'}, new byte[0]).hash());
        int h = ('a' << 5) ^ 'b';
        h = (h << 16) ^ (h >>> 16) ^ 0x04030201;
        assertEquals(h, new XattrEntry(1, new byte[] {'a', 'b'}, new byte[] {1, 2, 3, 4}).hash());
    }

    @Test
    void keepsACapabilityInTheInode() throws Exception {
        byte[] area = XattrBlock.inInode(XattrBlock.entries(Map.of("security.capability", CAP)));
        assertNotNull(area);
        ByteBuffer b = ByteBuffer.wrap(area).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xEA020000, b.getInt(0));
        assertEquals(10, b.get(4));
        assertEquals(6, b.get(5));
        int valueOffset = b.getShort(6);
        assertEquals(20, b.getInt(12));
        assertEquals(Inode.XATTR_AREA - 4 - 20, valueOffset);
        assertEquals(1, area[4 + valueOffset]);
    }

    @Test
    void movesLargeAttributesToASortedBlock() throws Exception {
        Map<String, byte[]> x = new TreeMap<>();
        x.put("user.zz", new byte[300]);
        x.put("security.capability", CAP);
        x.put("user.a", new byte[] {7});
        List<XattrEntry> entries = XattrBlock.entries(x);
        assertNull(XattrBlock.inInode(entries));
        assertEquals("a", new String(entries.get(0).name()));
        assertEquals("zz", new String(entries.get(1).name()));
        assertEquals(6, entries.get(2).nameIndex());
        ByteBuffer b = ByteBuffer.wrap(XattrBlock.block(entries, 3)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xEA020000, b.getInt(0));
        assertEquals(3, b.getInt(4));
        assertEquals(1, b.getInt(8));
        assertEquals(4096 - 4, b.getShort(32 + 2));
        assertEquals(7, b.get(4092));
    }
}
