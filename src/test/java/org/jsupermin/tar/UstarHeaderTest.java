package org.jsupermin.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/**
 * Header blocks against an independent reader (Commons Compress parses each field back) and
 * against a plain transcription of the ustar layout, for many generated members.
 */
class UstarHeaderTest {

    private static final String[] NAME_PARTS = {"./", "usr/", "bin/", "a", "\u00e9", "\u4e2d", "-", "x".repeat(40)};

    @Test
    void generatedHeadersReadBackAndMatchTheLayout() throws Exception {
        Random random = new Random(4242);
        char[] types = {'0', '1', '2', '3', '4', '5', '6', 'x'};
        byte[] block = new byte[UstarHeader.BLOCK];
        for (int round = 0; round < 3000; round++) {
            String name = name(random);
            char type = types[random.nextInt(types.length)];
            int mode = random.nextInt(010000);
            long uid = random.nextInt(3) == 0 ? random.nextInt(1 << 30) : random.nextInt(70000);
            long gid = random.nextInt(70000);
            long mtime = random.nextInt(3) == 0 ? 0 : 946_684_800L + random.nextInt(1 << 30);
            long size = type == '0' ? (random.nextBoolean() ? random.nextInt(1 << 20) : random.nextLong() & 0xffffffffffL) : 0;
            String link = type == '1' || type == '2' ? name(random) : null;
            int major = random.nextInt(3) == 0 ? random.nextInt(1 << 22) : random.nextInt(300);
            int minor = random.nextInt(300);
            UstarHeader.encode(block, name.getBytes(StandardCharsets.UTF_8), type, mode, uid, gid, mtime, size,
                    link == null ? null : link.getBytes(StandardCharsets.UTF_8), major, minor);
            String what = "round " + round + ": " + name;
            assertArrayEquals(layout(name, type, mode, uid, gid, mtime, size, link, major, minor), block, what);
            assertArrayEquals(block, UstarHeader.encode(name, type, mode, uid, gid, mtime, size, link, major, minor), what);
            if (type != 'x') {
                byte[] archive = new byte[UstarHeader.BLOCK * 3];
                System.arraycopy(block, 0, archive, 0, block.length);
                try (TarArchiveInputStream in = new TarArchiveInputStream(new java.io.ByteArrayInputStream(archive))) {
                    TarArchiveEntry e = in.getNextEntry();
                    assertEquals(mode, e.getMode(), what);
                    assertEquals(UstarHeader.fits(uid, UstarHeader.MAX_OCTAL_7) ? uid : 0, e.getLongUserId(), what);
                    assertEquals(gid, e.getLongGroupId(), what);
                    assertEquals(mtime, e.getModTime().getTime() / 1000, what);
                    if (type == '0') {
                        assertEquals(UstarHeader.fits(size, UstarHeader.MAX_OCTAL_11) ? size : 0, e.getSize(), what);
                    }
                }
            }
        }
    }

    private static String name(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            b.append(NAME_PARTS[random.nextInt(NAME_PARTS.length)]);
        }
        return b.toString();
    }

    /** The ustar layout written out field by field, with the JDK's own octal formatting. */
    private static byte[] layout(String name, char type, int mode, long uid, long gid, long mtime, long size,
                                 String link, int major, int minor) {
        byte[] b = new byte[UstarHeader.BLOCK];
        text(b, 0, cut(name));
        octal(b, 100, 8, mode);
        octal(b, 108, 8, uid <= 07777777 ? uid : 0);
        octal(b, 116, 8, gid <= 07777777 ? gid : 0);
        octal(b, 124, 12, size <= 077777777777L ? size : 0);
        octal(b, 136, 12, mtime <= 077777777777L ? mtime : 0);
        java.util.Arrays.fill(b, 148, 156, (byte) ' ');
        b[156] = (byte) type;
        if (link != null) {
            text(b, 157, cut(link));
        }
        text(b, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        text(b, 263, "00".getBytes(StandardCharsets.US_ASCII));
        if (type == '3' || type == '4') {
            device(b, 329, major);
            device(b, 337, minor);
        }
        int sum = 0;
        for (byte x : b) {
            sum += x & 0xff;
        }
        octal(b, 148, 7, sum);
        b[155] = ' ';
        return b;
    }

    private static byte[] cut(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(bytes.length, 100);
        while (n < bytes.length && n > 0 && (bytes[n] & 0xc0) == 0x80) {
            n--;
        }
        return java.util.Arrays.copyOf(bytes, n);
    }

    private static void text(byte[] b, int off, byte[] v) {
        System.arraycopy(v, 0, b, off, v.length);
    }

    private static void octal(byte[] b, int off, int len, long value) {
        String digits = String.format("%0" + (len - 1) + "o", value);
        text(b, off, digits.getBytes(StandardCharsets.US_ASCII));
        b[off + len - 1] = 0;
    }

    private static void device(byte[] b, int off, long value) {
        if (value <= 07777777) {
            octal(b, off, 8, value);
            return;
        }
        for (int i = off + 7; i > off; i--) {
            b[i] = (byte) value;
            value >>>= 8;
        }
        b[off] = (byte) 0x80;
    }
}
