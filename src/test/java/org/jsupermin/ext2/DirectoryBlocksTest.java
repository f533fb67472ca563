package org.jsupermin.ext2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DirectoryBlocksTest {

    @Test
    void padsNamesAndStretchesTheLastEntryOfEachBlock() {
        List<DirectoryBlocks.Entry> entries = new ArrayList<>();
        entries.add(entry(".", 2, 2));
        entries.add(entry("..", 2, 2));
        for (int i = 0; i < 300; i++) {
            entries.add(entry(String.format("file-with-a-long-name-%04d", i), 12 + i, 1));
        }
        byte[] bytes = DirectoryBlocks.pack(entries, 1);
        // 12 + 12 + 300 * (8 + 28) = 10824 bytes: three blocks, no entry crosses a block
        assertEquals(3, DirectoryBlocks.blockCount(entries));
        assertEquals(3 * 4096, bytes.length);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(12, b.getShort(4));
        assertEquals(1, b.get(6));
        assertEquals(2, b.get(7));
        int seen = 0;
        for (int block = 0; block < 3; block++) {
            int at = block * 4096;
            while (at < (block + 1) * 4096) {
                int recLen = b.getShort(at + 4);
                int nameLen = b.get(at + 6);
                assertEquals(0, recLen % 4);
                assertEquals(true, recLen >= 8 + nameLen);
                seen++;
                at += recLen;
            }
            assertEquals((block + 1) * 4096, at);
        }
        assertEquals(302, seen);
    }

    @Test
    void addsEmptyBlocksUpToTheMinimum() {
        List<DirectoryBlocks.Entry> entries = List.of(entry(".", 11, 2), entry("..", 2, 2));
        ByteBuffer b = ByteBuffer.wrap(DirectoryBlocks.pack(entries, 4)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(4 * 4096, b.capacity());
        assertEquals(4096 - 12, b.getShort(12 + 4));
        assertEquals(0, b.getInt(4096));
        assertEquals(4096, b.getShort(3 * 4096 + 4));
    }

    private static DirectoryBlocks.Entry entry(String name, int ino, int type) {
        return new DirectoryBlocks.Entry(name.getBytes(StandardCharsets.UTF_8), ino, type);
    }
}
