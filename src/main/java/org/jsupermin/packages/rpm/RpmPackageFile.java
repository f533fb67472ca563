package org.jsupermin.packages.rpm;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.jsupermin.packages.PackageDatabaseException;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A {@code .rpm} package file: the 96-byte lead, the signature header (padded to 8 bytes), the
 * main header, then the compressed cpio payload.
 */
public final class RpmPackageFile {

    private static final int LEAD = 96;

    private RpmPackageFile() {
    }

    /** Reads only the main header of {@code file}. */
    public static RpmHeader header(Path file) throws PackageDatabaseException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return readHeaders(in, file);
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the payload of {@code file}: the uncompressed cpio stream, positioned after the headers.
     * The caller closes it.
     */
    public static InputStream payload(Path file) throws PackageDatabaseException {
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            readHeaders(in, file);
            InputStream out = decompress(in, file);
            in = null;
            return out;
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + file + ": " + e.getMessage(), e);
        } finally {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
        }
    }

    private static RpmHeader readHeaders(InputStream in, Path file) throws IOException, PackageDatabaseException {
        byte[] lead = in.readNBytes(LEAD);
        if (lead.length < LEAD || (lead[0] & 0xff) != 0xed || (lead[1] & 0xff) != 0xab
                || (lead[2] & 0xff) != 0xee || (lead[3] & 0xff) != 0xdb) {
            throw new PackageDatabaseException("reading " + file + ": not an rpm package file");
        }
        RpmHeader signature = readHeader(in, file, "signature header");
        int pad = (8 - signature.length() % 8) % 8;
        if (in.readNBytes(pad).length != pad) {
            throw new PackageDatabaseException("reading " + file + ": truncated after the signature header");
        }
        return readHeader(in, file, "header");
    }

    private static RpmHeader readHeader(InputStream in, Path file, String what)
            throws IOException, PackageDatabaseException {
        byte[] intro = in.readNBytes(16);
        if (intro.length < 16 || !Arrays.equals(intro, 0, 4, RpmHeader.MAGIC, 0, 4)) {
            throw new PackageDatabaseException("reading " + file + ": bad or truncated " + what);
        }
        long count = ((intro[8] & 0xffL) << 24) | ((intro[9] & 0xff) << 16) | ((intro[10] & 0xff) << 8) | (intro[11] & 0xff);
        long size = ((intro[12] & 0xffL) << 24) | ((intro[13] & 0xff) << 16) | ((intro[14] & 0xff) << 8) | (intro[15] & 0xff);
        long rest = count * 16 + size;
        if (count < 1 || rest > (1 << 28)) {
            throw new PackageDatabaseException("reading " + file + ": bad " + what + " (" + count + " entries, "
                    + size + " bytes)");
        }
        byte[] blob = new byte[(int) (8 + rest)];
        System.arraycopy(intro, 8, blob, 0, 8);
        int got = in.readNBytes(blob, 8, (int) rest);
        if (got != rest) {
            throw new PackageDatabaseException("reading " + file + ": truncated " + what);
        }
        return RpmHeader.parse(blob, 0, "reading " + file + ": " + what);
    }

    private static InputStream decompress(InputStream in, Path file) throws IOException, PackageDatabaseException {
        in.mark(8);
        byte[] m = in.readNBytes(6);
        in.reset();
        if (m.length >= 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        if (m.length >= 6 && (m[0] & 0xff) == 0xfd && m[1] == '7' && m[2] == 'z' && m[3] == 'X' && m[4] == 'Z') {
            return new XZInputStream(in);
        }
        if (m.length >= 3 && m[0] == 'B' && m[1] == 'Z' && m[2] == 'h') {
            return new BZip2CompressorInputStream(in);
        }
        if (m.length >= 4 && (m[0] & 0xff) == 0x28 && (m[1] & 0xff) == 0xb5 && (m[2] & 0xff) == 0x2f
                && (m[3] & 0xff) == 0xfd) {
            return new ZstdInputStream(in);
        }
        if (m.length >= 6 && m[0] == '0' && m[1] == '7' && m[2] == '0' && m[3] == '7' && m[4] == '0') {
            return in; // uncompressed cpio
        }
        if (m.length >= 1 && (m[0] & 0xff) == 0x5d) {
            return new LZMAInputStream(in);
        }
        throw new PackageDatabaseException("reading " + file + ": unknown payload compression");
    }
}
