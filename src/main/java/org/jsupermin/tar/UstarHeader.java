package org.jsupermin.tar;

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
    private static final int OWNER_LENGTH = 32;

    private UstarHeader() {
    }

    private static final byte[] MAGIC = {'u', 's', 't', 'a', 'r', 0, '0', '0'};
    private static final int MAGIC_SUM = 'u' + 's' + 't' + 'a' + 'r' + '0' + '0';
    private static final byte[] NONE = new byte[0];

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
     * {@link #encode(String, char, int, long, long, long, long, String, int, int)} into {@code b},
     * from the names' UTF-8 bytes: a tar of thousands of members writes each header without a
     * string or an array made for it, and sums only the bytes it writes. {@code b} must be a
     * block that only this method has written to (or all zero): the field it never writes
     * (prefix) is left as it is.
     */
    static void encode(byte[] b, byte[] name, char typeflag, int mode, long uid, long gid, long mtime, long size,
                       byte[] linkName, int devMajor, int devMinor) {
        encode(b, name, typeflag, mode, uid, gid, mtime, size, linkName, devMajor, devMinor, null, null);
    }

    /**
     * {@link #encode(byte[], byte[], char, int, long, long, long, long, byte[], int, int)} with
     * owner names ({@code uname}, {@code gname}: ASCII, at most 31 bytes; null leaves a field
     * empty, as with tar --numeric-owner).
     */
    static void encode(byte[] b, byte[] name, char typeflag, int mode, long uid, long gid, long mtime, long size,
                       byte[] linkName, int devMajor, int devMinor, byte[] uname, byte[] gname) {
        int sum = putTruncated(b, 0, name);
        sum += putOctal(b, 100, 8, mode & 07777);
        sum += putOctal(b, 108, 8, fits(uid, MAX_OCTAL_7) ? uid : 0);
        sum += putOctal(b, 116, 8, fits(gid, MAX_OCTAL_7) ? gid : 0);
        sum += putOctal(b, 124, 12, fits(size, MAX_OCTAL_11) ? size : 0);
        sum += putOctal(b, 136, 12, fits(mtime, MAX_OCTAL_11) ? mtime : 0);
        sum += 8 * ' '; // the checksum field counts as spaces
        b[156] = (byte) typeflag;
        sum += typeflag & 0xff;
        sum += putTruncated(b, 157, linkName == null ? NONE : linkName);
        System.arraycopy(MAGIC, 0, b, 257, MAGIC.length);
        sum += MAGIC_SUM;
        sum += putOwnerName(b, 265, uname);
        sum += putOwnerName(b, 297, gname);
        if (typeflag == '3' || typeflag == '4') {
            sum += putNumber(b, 329, 8, devMajor);
            sum += putNumber(b, 337, 8, devMinor);
        } else {
            Arrays.fill(b, 329, 345, (byte) 0);
        }
        putOctal(b, 148, 7, sum);
        b[155] = ' ';
    }

    /** Whether a numeric value can be stored in an octal field of that capacity. */
    static boolean fits(long value, long max) {
        return value >= 0 && value <= max;
    }

    /**
     * The first {@link #NAME_LENGTH} bytes of {@code name} at {@code off} (without splitting a
     * character), zeros after them; the sum of the bytes.
     */
    private static int putTruncated(byte[] b, int off, byte[] name) {
        int n = name.length;
        if (n > NAME_LENGTH) {
            n = NAME_LENGTH;
            while (n > 0 && (name[n] & 0xc0) == 0x80) {
                n--;
            }
        }
        int sum = 0;
        for (int i = 0; i < n; i++) {
            byte x = name[i];
            b[off + i] = x;
            sum += x & 0xff;
        }
        Arrays.fill(b, off + n, off + NAME_LENGTH, (byte) 0);
        return sum;
    }

    /** An owner name field of 32 bytes, NUL-padded (empty for null); the sum of the bytes. */
    private static int putOwnerName(byte[] b, int off, byte[] owner) {
        int n = owner == null ? 0 : Math.min(owner.length, OWNER_LENGTH - 1);
        int sum = 0;
        for (int i = 0; i < n; i++) {
            b[off + i] = owner[i];
            sum += owner[i] & 0xff;
        }
        Arrays.fill(b, off + n, off + OWNER_LENGTH, (byte) 0);
        return sum;
    }

    /** Octal, zero-padded to {@code len - 1} digits, NUL-terminated, as GNU tar writes it; the sum of the bytes. */
    private static int putOctal(byte[] b, int off, int len, long value) {
        long v = value;
        int sum = 0;
        for (int i = off + len - 2; i >= off; i--) {
            int digit = '0' + (int) (v & 7);
            b[i] = (byte) digit;
            sum += digit;
            v >>>= 3;
        }
        b[off + len - 1] = 0;
        return sum;
    }

    /** Octal when it fits, otherwise the GNU base-256 form (high bit set, big-endian); the sum of the bytes. */
    private static int putNumber(byte[] b, int off, int len, long value) {
        if (fits(value, MAX_OCTAL_7)) {
            return putOctal(b, off, len, value);
        }
        long v = value;
        int sum = 0x80;
        for (int i = off + len - 1; i > off; i--) {
            b[i] = (byte) v;
            sum += (int) (v & 0xff);
            v >>>= 8;
        }
        b[off] = (byte) 0x80;
        return sum;
    }
}
