package org.jsupermin.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Base images read into tree entries: GNU tar's sparse formats (fixtures made by GNU tar, see
 * test-fixtures/sparse) and where contents wait (memory or the spool).
 */
class BaseImageReaderTest {

    private static final Path FIXTURES = Path.of("test-fixtures/sparse");
    private static final long GIB = 1L << 30;

    @TempDir
    Path tmp;

    private Map<String, TreeEntry> read(Path archive, Spool spool) throws TreeException {
        Map<String, TreeEntry> byPath = new TreeMap<>();
        for (TreeEntry e : BaseImageReader.read(archive, spool)) {
            byPath.put(e.path(), e);
        }
        return byPath;
    }

    /** The byte at {@code offset} of a spooled content, looked up through its map. */
    private static int byteAt(ContentSource.Spooled s, long offset) throws IOException {
        long spoolAt = s.position();
        long[] map = s.sparse();
        if (map == null) {
            spoolAt += offset;
        } else {
            boolean found = false;
            for (int i = 0; i < map.length; i += 2) {
                if (offset >= map[i] && offset < map[i] + map[i + 1]) {
                    spoolAt += offset - map[i];
                    found = true;
                    break;
                }
                spoolAt += map[i + 1];
            }
            if (!found) {
                return 0;
            }
        }
        ByteBuffer b = ByteBuffer.allocate(1);
        s.spool().channel().read(b, spoolAt);
        return b.get(0) & 0xff;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "pax0.0", "pax0.1", "pax1.0"})
    void sparseMembersOfEveryGnuFormat(String format) throws IOException, TreeException {
        try (Spool spool = new Spool(tmp)) {
            Map<String, TreeEntry> entries = read(FIXTURES.resolve(format + ".tar.gz"), spool);
            assertEquals(List.of("/big", "/many", "/plain"), List.copyOf(entries.keySet()));

            TreeEntry big = entries.get("/big");
            assertEquals(10 * GIB, big.size());
            ContentSource.Spooled b = assertInstanceOf(ContentSource.Spooled.class, big.source());
            assertTrue(b.isSparse());
            assertEquals('h', byteAt(b, 5 * GIB));
            assertEquals('o', byteAt(b, 5 * GIB + 4));
            assertEquals(0, byteAt(b, 5 * GIB + 5));
            assertEquals('t', byteAt(b, 10 * GIB - 4));
            assertEquals('l', byteAt(b, 10 * GIB - 1));
            assertEquals(0, byteAt(b, 0));
            assertTrue(stored(b) <= 64 * 1024, "only the data is stored: " + stored(b));

            TreeEntry many = entries.get("/many");
            ContentSource.Spooled m = assertInstanceOf(ContentSource.Spooled.class, many.source());
            assertEquals(GIB, many.size());
            assertEquals(7 * 4096, stored(m));
            for (int k = 0; k < 7; k++) {
                long at = (k * 25600L + 1) * 4096;
                assertEquals('A' + k, byteAt(m, at));
                assertEquals('A' + k, byteAt(m, at + 4095));
                assertEquals(0, byteAt(m, at + 4096));
                assertEquals(0, byteAt(m, at - 1));
            }
            // the stream gives the holes as zeros
            try (InputStream in = many.source().open()) {
                byte[] head = in.readNBytes(3 * 4096);
                byte[] want = new byte[3 * 4096];
                Arrays.fill(want, 4096, 8192, (byte) 'A');
                assertArrayEquals(want, head);
                assertEquals(GIB - head.length - 1, in.skip(GIB - head.length - 1));
                assertEquals(0, in.read());
                assertEquals(-1, in.read());
            }

            TreeEntry plain = entries.get("/plain");
            assertEquals("plain\n", new String(plain.source().open().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static long stored(ContentSource.Spooled s) {
        long n = 0;
        for (int i = 1; i < s.sparse().length; i += 2) {
            n += s.sparse()[i];
        }
        return n;
    }

    @Test
    void smallContentsStayInMemoryAndLargeOnesGoToTheSpool() throws IOException, TreeException {
        Path archive = tmp.resolve("a.tar");
        byte[] large = new byte[Spool.MEMBER_IN_MEMORY + 1];
        Arrays.fill(large, (byte) 7);
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(archive))) {
            for (String n : List.of("small", "large")) {
                byte[] content = n.equals("small") ? new byte[] {1, 2, 3} : large;
                TarArchiveEntry e = new TarArchiveEntry("./" + n);
                e.setSize(content.length);
                out.putArchiveEntry(e);
                out.write(content);
                out.closeArchiveEntry();
            }
        }
        try (Spool spool = new Spool(tmp.resolve("spool-dir"))) {
            Map<String, TreeEntry> entries = read(archive, spool);
            assertInstanceOf(ContentSource.Bytes.class, entries.get("/small").source());
            ContentSource.Spooled s = assertInstanceOf(ContentSource.Spooled.class, entries.get("/large").source());
            assertArrayEquals(large, s.open().readAllBytes());
            try (var names = Files.list(tmp.resolve("spool-dir"))) {
                assertEquals(0, names.count(), "the spool's file has no name");
            }
        }
    }
}
