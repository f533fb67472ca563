package org.jsupermin.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jsupermin.testing.RawTarReader;
import org.junit.jupiter.api.Test;

/** Low-level tar encoding: PAX record lengths, files over 8 GiB, big device numbers. */
class TarWriterTest {

    @Test
    void paxRecordLengthCountsItsOwnDigits() {
        PaxRecords r = new PaxRecords();
        // " k=" + 94 bytes + "\n" = 98 bytes, plus 2 digits = 100, which needs 3 digits: 101
        r.put("k", "v".repeat(94));
        byte[] data = r.encode();
        assertEquals(101, data.length);
        assertEquals("101 k=", new String(data, 0, 6, StandardCharsets.US_ASCII));
        byte[] bin = {0, (byte) 0xff, '\n', '='};
        r = new PaxRecords();
        r.put("SCHILY.xattr.x", bin);
        assertArrayEquals(bin, RawTarReader.parsePax(r.encode()).get("SCHILY.xattr.x"));
    }

    @Test
    void fileOverEightGibibytesGetsAPaxSize() throws Exception {
        long size = 8L * 1024 * 1024 * 1024 + 3;
        HeadKeeper out = new HeadKeeper(4096);
        TarWriter w = new TarWriter(out);
        w.write(new TarMember("./huge", '0', 0644, 0, 0, 0, size, null, 0, 0, null), new Zeros(size), "zeros");
        w.finish();
        assertEquals(0, out.count % TarWriter.RECORD);
        assertEquals('x', out.head[156]);
        int paxLength = Integer.parseInt(new String(out.head, 124, 11, StandardCharsets.US_ASCII), 8);
        Map<String, byte[]> pax = RawTarReader.parsePax(java.util.Arrays.copyOfRange(out.head, 512, 512 + paxLength));
        assertEquals(Long.toString(size), new String(pax.get("size"), StandardCharsets.US_ASCII));
        // ustar header after the one-block PAX data; data itself follows
        assertEquals('0', out.head[1024 + 156]);
        assertEquals("00000000000", new String(out.head, 1024 + 124, 11, StandardCharsets.US_ASCII),
                "ustar size field left to PAX");
        long used = 1024 + 512 + size + 509 + 1024;
        assertEquals((used + TarWriter.RECORD - 1) / TarWriter.RECORD * TarWriter.RECORD, out.count);
    }

    @Test
    void bigDeviceNumbersUseBase256() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarWriter w = new TarWriter(out);
        w.write(new TarMember("./dev/big", '3', 0600, 0, 0, 0, 0, null, 3_000_000, 5, null), null, null);
        w.finish();
        List<RawTarReader.Member> m = RawTarReader.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(3_000_000, m.get(0).devMajor());
        assertEquals(5, m.get(0).devMinor());
    }

    @Test
    void ownerNamesGoOnlyWhereGivenAndTheNextHeaderHasNone() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarWriter w = new TarWriter(out);
        byte[] x = "x".getBytes(StandardCharsets.US_ASCII);
        w.write(new TarMember("./etc/x", '0', 0644, 0, 0, 0, 1, null, 0, 0, null, "root", "root"),
                new ByteArrayInputStream(x), "x");
        w.write(new TarMember("./etc/y", '2', 0777, 0, 0, 0, 0, "x", 0, 0, null), null, null);
        w.finish();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            TarArchiveEntry named = in.getNextEntry();
            assertEquals("root", named.getUserName());
            assertEquals("root", named.getGroupName());
            TarArchiveEntry numeric = in.getNextEntry();
            assertEquals("", numeric.getUserName());
            assertEquals("", numeric.getGroupName());
        }
    }

    /** Counts everything, keeps the first bytes. */
    private static final class HeadKeeper extends OutputStream {
        final byte[] head;
        long count;

        HeadKeeper(int keep) {
            head = new byte[keep];
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = 0; i < len && count + i < head.length; i++) {
                head[(int) count + i] = b[off + i];
            }
            count += len;
        }
    }

    /** A stream of {@code n} zero bytes that never touches the caller's buffer. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long n) {
            left = n;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            left -= n;
            return n;
        }
    }
}
