package org.jsupermin.util;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Recognises gzip and xz by their magic bytes and opens files transparently decompressed. gzip
 * goes through the JDK's own inflater (already in the JDK's class-data archive, so cheap to load
 * on every build); concatenated members are read as one stream.
 */
public final class Compression {

    private static final byte[] GZIP = {(byte) 0x1f, (byte) 0x8b};
    private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};

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
                case "gzip" -> new BufferedInputStream(new GZIPInputStream(raw, 65536), 65536);
                case "xz" -> new BufferedInputStream(new XZCompressorInputStream(raw), 65536);
                default -> raw;
            };
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    private static boolean startsWith(byte[] data, byte[] magic) {
        return data.length >= magic.length && Arrays.equals(data, 0, magic.length, magic, 0, magic.length);
    }
}
