package org.jsupermin.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import io.airlift.compress.zstd.ZstdOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;
import org.jsupermin.util.NonClosingOutputStream;

/** How a tar output is compressed; every encoder here is single-threaded and deterministic. */
public enum TarCompression {
    NONE("none"), GZIP("gzip"), XZ("xz"), ZSTD("zstd");

    private static final int BUFFER = 64 * 1024;

    private final String option;

    TarCompression(String option) {
        this.option = option;
    }

    /** The {@code --compression} value naming this compression. */
    public String option() {
        return option;
    }

    /**
     * The compression named by a {@code --compression} value ("none", "gzip", "xz",
     * "zstd"), or chosen from the file name when that value is null.
     *
     * @throws FormatException when the value names no known compression
     */
    public static TarCompression choose(String compression, String fileName) throws FormatException {
        if (compression == null) {
            return fromFileName(fileName);
        }
        for (TarCompression c : values()) {
            if (c.option.equals(compression.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new FormatException("unknown tar compression '" + compression + "'; use none, gzip, xz or zstd");
    }

    /**
     * The compression a file name asks for: {@code .tar.gz}/{@code .tgz}, {@code .tar.xz}/{@code
     * .txz}, {@code .tar.zst}/{@code .tzst}; anything else is an uncompressed tar. A suffix followed
     * by another dot-suffix also counts ({@code out.tar.gz.tmp}), so staging names keep working.
     */
    public static TarCompression fromFileName(String fileName) {
        String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (hasSuffix(n, ".tar.gz") || hasSuffix(n, ".tgz")) {
            return GZIP;
        }
        if (hasSuffix(n, ".tar.xz") || hasSuffix(n, ".txz")) {
            return XZ;
        }
        if (hasSuffix(n, ".tar.zst") || hasSuffix(n, ".tzst")) {
            return ZSTD;
        }
        return NONE;
    }

    private static boolean hasSuffix(String name, String suffix) {
        return name.endsWith(suffix) || name.contains(suffix + ".");
    }

    /**
     * Wraps {@code out} in this compression. Closing the returned stream finishes the compressed
     * stream and flushes {@code out} but never closes it.
     */
    public OutputStream wrap(OutputStream out) throws IOException {
        OutputStream shielded = new NonClosingOutputStream(out);
        return switch (this) {
            case NONE -> shielded;
            case GZIP -> new GZIPOutputStream(shielded, BUFFER);
            case XZ -> new XZOutputStream(shielded, new LZMA2Options(LZMA2Options.PRESET_DEFAULT));
            case ZSTD -> new ZstdOutputStream(shielded);
        };
    }

}
