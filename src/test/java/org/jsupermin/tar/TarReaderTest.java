package org.jsupermin.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming tar reader: long names and large numbers as Commons Compress writes them, and
 * damaged headers refused with a reason (its sparse members: tree's BaseImageReaderTest).
 */
class TarReaderTest {

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
}
