package org.jsupermin.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Encodes one 512-byte POSIX ustar header block; fields that do not fit are left to PAX records. */
final class UstarHeader {

    static final int BLOCK = 512;
    /** Largest value of an 8-byte octal field (7 digits). */
    static final long MAX_OCTAL_7 = 07777777L;
    /** Largest value of a 12-byte octal field (11 digits). */
    static final long MAX_OCTAL_11 = 077777777777L;
    static final int NAME_LENGTH = 100;

    private UstarHeader() {
    }

    /**
     * The header block for a member. {@code name} and {@code linkName} are stored truncated when
     * longer than 100 bytes, numeric fields as 0 when out of range: the caller puts the real
     * values in a preceding PAX header.
     */
    static byte[] encode(String name, char typeflag, int mode, long uid, long gid, long mtime, long size,
                         String linkName, int devMajor, int devMinor) {
        byte[] b = new byte[BLOCK];
        putString(b, 0, NAME_LENGTH, name);
        putOctal(b, 100, 8, mode & 07777);
        putOctal(b, 108, 8, fits(uid, MAX_OCTAL_7) ? uid : 0);
        putOctal(b, 116, 8, fits(gid, MAX_OCTAL_7) ? gid : 0);
        putOctal(b, 124, 12, fits(size, MAX_OCTAL_11) ? size : 0);
        putOctal(b, 136, 12, fits(mtime, MAX_OCTAL_11) ? mtime : 0);
        Arrays.fill(b, 148, 156, (byte) ' ');
        b[156] = (byte) typeflag;
        if (linkName != null) {
            putString(b, 157, NAME_LENGTH, linkName);
        }
        putBytes(b, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        putBytes(b, 263, "00".getBytes(StandardCharsets.US_ASCII));
        // uname (265) and gname (297) stay empty: owners are numeric, as with tar --numeric-owner
        if (typeflag == '3' || typeflag == '4') {
            putNumber(b, 329, 8, devMajor);
            putNumber(b, 337, 8, devMinor);
        }
        long sum = 0;
        for (byte x : b) {
            sum += x & 0xff;
        }
        putOctal(b, 148, 7, sum);
        b[155] = ' ';
        return b;
    }

    /** Whether a numeric value can be stored in an octal field of that capacity. */
    static boolean fits(long value, long max) {
        return value >= 0 && value <= max;
    }

    /** The UTF-8 bytes of a name, cut to at most {@code max} bytes without splitting a character. */
    static byte[] truncated(String s, int max) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= max) {
            return bytes;
        }
        int n = max;
        while (n > 0 && (bytes[n] & 0xc0) == 0x80) {
            n--;
        }
        return Arrays.copyOf(bytes, n);
    }

    private static void putString(byte[] b, int off, int len, String s) {
        putBytes(b, off, truncated(s, len));
    }

    private static void putBytes(byte[] b, int off, byte[] v) {
        System.arraycopy(v, 0, b, off, v.length);
    }

    /** Octal, zero-padded, NUL-terminated, as GNU tar writes it. */
    private static void putOctal(byte[] b, int off, int len, long value) {
        String s = Long.toOctalString(value);
        int digits = len - 1;
        StringBuilder sb = new StringBuilder(digits);
        for (int i = s.length(); i < digits; i++) {
            sb.append('0');
        }
        sb.append(s);
        putBytes(b, off, sb.toString().getBytes(StandardCharsets.US_ASCII));
        b[off + digits] = 0;
    }

    /** Octal when it fits, otherwise the GNU base-256 form (high bit set, big-endian). */
    private static void putNumber(byte[] b, int off, int len, long value) {
        if (fits(value, MAX_OCTAL_7)) {
            putOctal(b, off, len, value);
            return;
        }
        long v = value;
        for (int i = off + len - 1; i > off; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        b[off] = (byte) 0x80;
    }
}
