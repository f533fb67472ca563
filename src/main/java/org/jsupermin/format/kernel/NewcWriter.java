package org.jsupermin.format.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a cpio archive in the "newc" format the kernel unpacks into its initramfs: per member a
 * 110-byte ASCII header of hex fields, the NUL-terminated name and the data, each padded to 4
 * bytes; then the "TRAILER!!!" member, and zeros up to a whole 512-byte block.
 */
final class NewcWriter {

    static final int S_IFDIR = 0040000;
    static final int S_IFREG = 0100000;
    static final int S_IFCHR = 0020000;
    private static final int BLOCK = 512;
    private static final byte[] ZEROS = new byte[BLOCK];

    private final OutputStream out;
    private long written;

    /** Writes to {@code out}, which should be buffered; {@link #finish} does not close it. */
    NewcWriter(OutputStream out) {
        this.out = out;
    }

    /** One member: all of its content at once. */
    void write(String name, long ino, int mode, int nlink, long mtime, int rdevMajor, int rdevMinor, byte[] data)
            throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder(110).append("070701");
        for (long field : new long[] {ino, mode, 0, 0, nlink, mtime, data.length, 0, 0, rdevMajor, rdevMinor,
                nameBytes.length + 1, 0}) {
            String hex = Long.toHexString(field);
            if (hex.length() > 8) {
                throw new IllegalArgumentException("cpio field " + field + " of " + name + " does not fit 8 hex digits");
            }
            h.append("0".repeat(8 - hex.length())).append(hex);
        }
        emit(h.toString().getBytes(StandardCharsets.US_ASCII));
        emit(nameBytes);
        emit(ZEROS, 1);
        pad(4);
        emit(data);
        pad(4);
    }

    /** The trailer member and the padding to a whole block. */
    void finish() throws IOException {
        write("TRAILER!!!", 0, 0, 1, 0, 0, 0, new byte[0]);
        pad(BLOCK);
        out.flush();
    }

    private void pad(int multiple) throws IOException {
        int rem = (int) (written % multiple);
        if (rem != 0) {
            emit(ZEROS, multiple - rem);
        }
    }

    private void emit(byte[] b) throws IOException {
        emit(b, b.length);
    }

    private void emit(byte[] b, int len) throws IOException {
        out.write(b, 0, len);
        written += len;
    }
}
