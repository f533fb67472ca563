package org.jsupermin.util;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Recognises gzip and xz by their magic bytes and opens files transparently decompressed. */
public final class Compression {

    private static final byte[] GZIP = {(byte) 0x1f, (byte) 0x8b};
    private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
    /** The buffer {@link #open} reads decompressed data through. */
    private static final int OPEN_BUFFER = 65536;

    private Compression() {
    }

    /** "gzip", "xz" or "none" from a file's first bytes. */
    public static String sniff(byte[] head) {
        if (startsWith(head, GZIP)) {
            return "gzip";
        }
        if (startsWith(head, XZ)) {
            return "xz";
        }
        return "none";
    }

    /** Opens {@code file}, decompressing gzip or xz content. */
    public static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 65536);
        raw.mark(8);
        byte[] head = raw.readNBytes(6);
        raw.reset();
        try {
            return switch (sniff(head)) {
                case "gzip" -> new BufferedInputStream(new DecompressionErrors(new GzipCompressorInputStream(raw, true),
                        "gzip"), OPEN_BUFFER);
                case "xz" -> new BufferedInputStream(new DecompressionErrors(new XZCompressorInputStream(raw), "xz"),
                        OPEN_BUFFER);
                default -> raw;
            };
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * The first {@code n} bytes (at most 64 KiB) of {@code file}, decompressed, exactly as
     * {@link #open} gives them, errors included. {@link #open} decompresses gzip 64 KiB at a time
     * and checks what follows a member as soon as it reaches its end; so when the JDK's own
     * inflater (whose classes are in the JDK's class-data archive: sniffing then costs no class
     * loading) reads more than 64 KiB from a header without flags, {@link #open} would
     * have met no end and no error either. Any other case is read again with {@link #open}.
     */
    public static byte[] head(Path file, int n) throws IOException {
        if (n > OPEN_BUFFER) {
            throw new IllegalArgumentException("head of more than " + OPEN_BUFFER + " bytes");
        }
        byte[] header;
        try (InputStream raw = Files.newInputStream(file)) {
            header = raw.readNBytes(4);
        }
        // only a header without flags: none reserved (Commons Compress refuses them, the JDK
        // ignores them) and no optional fields, which the two libraries check differently
        if (header.length == 4 && startsWith(header, GZIP) && header[3] == 0) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 8192)) {
                byte[] head = in.readNBytes(OPEN_BUFFER + 1);
                if (head.length == OPEN_BUFFER + 1) {
                    return Arrays.copyOf(head, n);
                }
            } catch (IOException e) {
                // read again below for open's own message
            }
        }
        try (InputStream in = open(file)) {
            return in.readNBytes(n);
        }
    }

    private static boolean startsWith(byte[] data, byte[] magic) {
        return data.length >= magic.length && Arrays.equals(data, 0, magic.length, magic, 0, magic.length);
    }
}
