package org.jsupermin.oci;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import io.airlift.compress.zstd.ZstdOutputStream;

/**
 * How an image's layers are compressed. Every encoder is deterministic: gzip at a fixed level
 * with no name and no time in its header, zstd with its default parameters.
 */
public enum LayerCompression {
    GZIP("gzip", "application/vnd.oci.image.layer.v1.tar+gzip"),
    ZSTD("zstd", "application/vnd.oci.image.layer.v1.tar+zstd"),
    NONE("none", "application/vnd.oci.image.layer.v1.tar");

    /**
     * Deflate's level: its fastest, as what a registry stores is mostly machine code that
     * compresses little better at higher levels, while the time taken grows several times.
     */
    static final int GZIP_LEVEL = Deflater.BEST_SPEED;
    private static final int BUFFER = 64 * 1024;

    private final String option;
    private final String mediaType;

    LayerCompression(String option, String mediaType) {
        this.option = option;
        this.mediaType = mediaType;
    }

    /** The {@code --compression} value naming it. */
    public String option() {
        return option;
    }

    /** The OCI media type of a layer compressed so. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The compression a {@code --compression} value names; gzip when it is null.
     *
     * @throws OciException when it names a compression image layers cannot have
     */
    public static LayerCompression choose(String value) throws OciException {
        if (value == null) {
            return GZIP;
        }
        for (LayerCompression c : values()) {
            if (c.option.equals(value.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new OciException("--compression " + value + " cannot compress image layers; use gzip (the default),"
                + " zstd or none");
    }

    /** Wraps {@code out}; closing the result finishes the compressed stream and closes {@code out}. */
    OutputStream wrap(OutputStream out) throws IOException {
        return switch (this) {
            case GZIP -> new LeveledGzip(out);
            case ZSTD -> new ZstdOutputStream(out);
            case NONE -> out;
        };
    }

    /** gzip at {@link #GZIP_LEVEL}; the JDK writes no name and a zero time in the header. */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(GZIP_LEVEL);
        }
    }
}
