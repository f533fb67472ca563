package org.jsupermin.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
 * The base-image tar reader: GNU tar's sparse formats (fixtures made by GNU tar, see
 * test-fixtures/sparse), long names and large numbers as Commons Compress writes them, and
 * damaged headers refused with a reason.
 */
class TarReaderTest {

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

    @ParameterizedTest
    @ValueSource(ints = {TarArchiveOutputStream.LONGFILE_GNU, TarArchiveOutputStream.LONGFILE_POSIX})
    void longNamesLinksAndLargeNumbers(int longFileMode) throws IOException {
        String longDir = "./" + "d".repeat(120) + "/" + "e".repeat(90);
        String longTarget = "/" + "t".repeat(150);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(longFileMode);
            out.setBigNumberMode(longFileMode == TarArchiveOutputStream.LONGFILE_GNU
                    ? TarArchiveOutputStream.BIGNUMBER_STAR : TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry dir = new TarArchiveEntry(longDir + "/");
            dir.setMode(040750);
            out.putArchiveEntry(dir);
            out.closeArchiveEntry();
            TarArchiveEntry file = new TarArchiveEntry(longDir + "/file");
            byte[] content = "content\n".getBytes(StandardCharsets.US_ASCII);
            file.setSize(content.length);
            file.setMode(0100644);
            file.setUserId(3_000_000_000L);
            file.setGroupId(70_000);
            file.setModTime(9_000_000_000_000L);
            out.putArchiveEntry(file);
            out.write(content);
            out.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry("./link", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName(longTarget);
            out.putArchiveEntry(link);
            out.closeArchiveEntry();
        }
        TarReader r = new TarReader(new ByteArrayInputStream(bytes.toByteArray()));
        TarReader.Member d = r.next();
        assertEquals(longDir + "/", d.name());
        assertEquals('5', d.type());
        assertEquals(0750, d.mode());
        TarReader.Member f = r.next();
        assertEquals(longDir + "/file", f.name());
        assertEquals('0', f.type());
        assertEquals(3_000_000_000L, f.uid());
        assertEquals(70_000, f.gid());
        assertEquals(9_000_000_000L, f.mtime());
        assertEquals(8, f.size());
        assertEquals("content\n", new String(r.content().readAllBytes(), StandardCharsets.US_ASCII));
        TarReader.Member l = r.next();
        assertEquals('2', l.type());
        assertEquals(longTarget, l.linkName());
        assertNull(r.next());
    }

    private static byte[] oneFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry file = new TarArchiveEntry("./etc/file");
            file.setSize(1000);
            out.putArchiveEntry(file);
            out.write(new byte[1000]);
            out.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void aDamagedHeaderIsRefused() throws IOException {
        byte[] tar = oneFile();
        tar[10] ^= 1;
        IOException e = assertThrows(IOException.class, () -> new TarReader(new ByteArrayInputStream(tar)).next());
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void aTruncatedArchiveIsRefused() throws IOException {
        byte[] tar = Arrays.copyOf(oneFile(), 512 + 700);
        TarReader r = new TarReader(new ByteArrayInputStream(tar));
        r.next();
        IOException e = assertThrows(IOException.class, () -> r.content().readAllBytes());
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
        TarReader skipping = new TarReader(new ByteArrayInputStream(tar));
        skipping.next();
        IOException skipped = assertThrows(IOException.class, skipping::next);
        assertTrue(skipped.getMessage().contains("incomplete"), skipped.getMessage());
    }

    @Test
    void anOversizedPaxHeaderIsRefusedWithoutReadingIt() throws IOException {
        byte[] h = new byte[512];
        byte[] name = "././@PaxHeader".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, h, 0, name.length);
        byte[] size = "77777777777".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, h, 124, size.length);
        h[156] = 'x';
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        byte[] sumField = String.format("%06o\0", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(sumField, 0, h, 148, sumField.length);
        IOException e = assertThrows(IOException.class, () -> new TarReader(new ByteArrayInputStream(h)).next());
        assertTrue(e.getMessage().contains("at most"), e.getMessage());
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
