package org.jsupermin.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A gzip-compressed base image with one member of several GiB, made in a second and a few MiB
 * large: the member's content repeats a 1 MiB pattern, and the archive is a series of gzip
 * members (which gzip readers decompress as one stream) that repeats the pattern's compressed
 * form instead of compressing every copy.
 */
public final class LargeBaseImage {

    /** The pattern's length. */
    public static final int CHUNK = 1 << 20;

    private LargeBaseImage() {
    }

    /** Byte {@code i} of the big member: not zero, so that no format may leave holes. */
    public static byte byteAt(long i) {
        int k = (int) (i % CHUNK);
        return (byte) (1 + (k * 31 + k / 4096) % 251);
    }

    /**
     * Writes {@code archive}: a directory {@code ./big}, the regular file {@code ./big/member} of
     * {@code size} bytes (a multiple of {@link #CHUNK}) and {@code ./small} holding "small\n".
     */
    public static void write(Path archive, long size) throws IOException {
        if (size % CHUNK != 0) {
            throw new IllegalArgumentException("size must be a multiple of " + CHUNK);
        }
        byte[] chunk = new byte[CHUNK];
        for (int i = 0; i < CHUNK; i++) {
            chunk[i] = byteAt(i);
        }
        byte[] compressedChunk = gzip(chunk);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(header("./big/", '5', 0755, 0));
        head.write(header("./big/member", '0', 0644, size));
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        byte[] small = "small\n".getBytes(StandardCharsets.US_ASCII);
        tail.write(header("./small", '0', 0644, small.length));
        tail.write(small);
        tail.write(new byte[512 - small.length]);
        tail.write(new byte[1024]);
        try (OutputStream out = Files.newOutputStream(archive)) {
            out.write(gzip(head.toByteArray()));
            for (long n = 0; n < size / CHUNK; n++) {
                out.write(compressedChunk);
            }
            out.write(gzip(tail.toByteArray()));
        }
    }

    /** The SHA-256 of the big member's content, in hex. */
    public static String digest(long size) {
        MessageDigest d = sha256();
        byte[] chunk = new byte[CHUNK];
        for (int i = 0; i < CHUNK; i++) {
            chunk[i] = byteAt(i);
        }
        for (long n = 0; n < size / CHUNK; n++) {
            d.update(chunk);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** The SHA-256 of a stream, in hex. */
    public static String digest(InputStream in) throws IOException {
        MessageDigest d = sha256();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            d.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(data);
        }
        return b.toByteArray();
    }

    /** A ustar header block. */
    private static byte[] header(String name, char type, int mode, long size) {
        byte[] h = new byte[512];
        put(h, 0, name.getBytes(StandardCharsets.US_ASCII));
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, 946684800L);
        h[156] = (byte) type;
        put(h, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(h, 263, "00".getBytes(StandardCharsets.US_ASCII));
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        return h;
    }

    private static void put(byte[] h, int at, byte[] v) {
        System.arraycopy(v, 0, h, at, v.length);
    }

    /** {@code length - 1} octal digits and a NUL. */
    private static void octal(byte[] h, int at, int length, long v) {
        String s = Long.toOctalString(v);
        if (s.length() > length - 1) {
            throw new IllegalArgumentException(v + " does not fit " + (length - 1) + " octal digits");
        }
        s = "0".repeat(length - 1 - s.length()) + s;
        put(h, at, s.getBytes(StandardCharsets.US_ASCII));
        h[at + length - 1] = 0;
    }
}
