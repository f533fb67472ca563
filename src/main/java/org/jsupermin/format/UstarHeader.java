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

    private static final byte[] MAGIC = {'u', 's', 't', 'a', 'r', 0, '0', '0'};

    /**
     * The header block for a member. {@code name} and {@code linkName} are stored truncated when
     * longer than 100 bytes, numeric fields as 0 when out of range: the caller puts the real
     * values in a preceding PAX header.
     */
    static byte[] encode(String name, char typeflag, int mode, long uid, long gid, long mtime, long size,
                         String linkName, int devMajor, int devMinor) {
        byte[] b = new byte[BLOCK];
        encode(b, name.getBytes(StandardCharsets.UTF_8), typeflag, mode, uid, gid, mtime, size,
                linkName == null ? null : linkName.getBytes(StandardCharsets.UTF_8), devMajor, devMinor);
        return b;
    }

    /**
     * {@link #encode(String, char, int, long, long, long, long, String, int, int)} into {@code b}
     * (a block, overwritten whole), from the names' UTF-8 bytes: a tar of thousands of members
     * writes each header without a string or an array made for it.
     */
    static void encode(byte[] b, byte[] name, char typeflag, int mode, long uid, long gid, long mtime, long size,
                       byte[] linkName, int devMajor, int devMinor) {
        Arrays.fill(b, (byte) 0);
        putTruncated(b, 0, name);
        putOctal(b, 100, 8, mode & 07777);
        putOctal(b, 108, 8, fits(uid, MAX_OCTAL_7) ? uid : 0);
        putOctal(b, 116, 8, fits(gid, MAX_OCTAL_7) ? gid : 0);
        putOctal(b, 124, 12, fits(size, MAX_OCTAL_11) ? size : 0);
        putOctal(b, 136, 12, fits(mtime, MAX_OCTAL_11) ? mtime : 0);
        Arrays.fill(b, 148, 156, (byte) ' ');
        b[156] = (byte) typeflag;
        if (linkName != null) {
            putTruncated(b, 157, linkName);
        }
        System.arraycopy(MAGIC, 0, b, 257, MAGIC.length);
        // uname (265) and gname (297) stay empty: owners are numeric, as with tar --numeric-owner
        if (typeflag == '3' || typeflag == '4') {
            putNumber(b, 329, 8, devMajor);
            putNumber(b, 337, 8, devMinor);
        }
        int sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += b[i] & 0xff;
        }
        putOctal(b, 148, 7, sum);
        b[155] = ' ';
    }

    /** Whether a numeric value can be stored in an octal field of that capacity. */
    static boolean fits(long value, long max) {
        return value >= 0 && value <= max;
    }

    /** The first {@link #NAME_LENGTH} bytes of {@code name} at {@code off}, without splitting a character. */
    private static void putTruncated(byte[] b, int off, byte[] name) {
        int n = name.length;
        if (n > NAME_LENGTH) {
            n = NAME_LENGTH;
            while (n > 0 && (name[n] & 0xc0) == 0x80) {
                n--;
            }
        }
        System.arraycopy(name, 0, b, off, n);
    }

    /** Octal, zero-padded to {@code len - 1} digits, NUL-terminated, as GNU tar writes it. */
    private static void putOctal(byte[] b, int off, int len, long value) {
        long v = value;
        for (int i = off + len - 2; i >= off; i--) {
            b[i] = (byte) ('0' + (v & 7));
            v >>>= 3;
        }
        b[off + len - 1] = 0;
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
