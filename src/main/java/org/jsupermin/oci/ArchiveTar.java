package org.jsupermin.oci;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The outer tar of an image archive: a few directories and files with short names (an image
 * layout and docker-archive's {@code manifest.json}), root-owned, at one fixed time. Sizes
 * beyond ustar's octal field take GNU's base-256 form, which Docker's, podman's and GNU tar's
 * readers all take.
 */
final class ArchiveTar {

    private static final int BLOCK = 512;
    private static final int RECORD = 20 * BLOCK;
    private static final long MAX_OCTAL_11 = 077777777777L;

    private final OutputStream out;
    private final long mtime;
    private long written;

    ArchiveTar(OutputStream out, long mtime) {
        this.out = out;
        this.mtime = mtime;
    }

    void directory(String name) throws IOException {
        header(name, '5', 0755, 0);
    }

    void file(String name, byte[] content) throws IOException {
        header(name, '0', 0644, content.length);
        emit(content, content.length);
        pad(content.length);
    }

    /** A file member with the bytes of {@code file}, copied by the kernel where it can. */
    void file(String name, Path file, long size) throws IOException {
        header(name, '0', 0644, size);
        out.flush();
        WritableByteChannel target = Channels.newChannel(out);
        try (FileChannel in = FileChannel.open(file)) {
            long done = 0;
            while (done < size) {
                long n = in.transferTo(done, size - done, target);
                if (n <= 0) {
                    throw new IOException(file + " ended after " + done + " of its " + size + " bytes");
                }
                done += n;
            }
        }
        written += size;
        pad(size);
    }

    /** The end-of-archive blocks, padded to a whole record; flushes {@code out}. */
    void finish() throws IOException {
        long end = written + 2L * BLOCK;
        zeros((end + RECORD - 1) / RECORD * RECORD - written);
        out.flush();
    }

    private void header(String name, char type, int mode, long size) throws IOException {
        byte[] b = new byte[BLOCK];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        if (n.length > 100) {
            throw new IllegalArgumentException("archive member name longer than 100 bytes: " + name);
        }
        System.arraycopy(n, 0, b, 0, n.length);
        octal(b, 100, 8, mode);
        octal(b, 108, 8, 0);
        octal(b, 116, 8, 0);
        if (size <= MAX_OCTAL_11) {
            octal(b, 124, 12, size);
        } else {
            b[124] = (byte) 0x80;
            for (int i = 135, shift = 0; i > 124; i--, shift += 8) {
                b[i] = (byte) (size >>> shift);
            }
        }
        octal(b, 136, 12, mtime);
        b[156] = (byte) type;
        System.arraycopy(new byte[] {'u', 's', 't', 'a', 'r', 0, '0', '0'}, 0, b, 257, 8);
        Arrays.fill(b, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte x : b) {
            sum += x & 0xff;
        }
        octal(b, 148, 7, sum);
        emit(b, BLOCK);
    }

    private static void octal(byte[] b, int off, int len, long value) {
        long v = value;
        for (int i = off + len - 2; i >= off; i--) {
            b[i] = (byte) ('0' + (v & 7));
            v >>>= 3;
        }
        b[off + len - 1] = 0;
    }

    private void pad(long length) throws IOException {
        int rem = (int) (length % BLOCK);
        if (rem != 0) {
            zeros(BLOCK - rem);
        }
    }

    private void zeros(long n) throws IOException {
        byte[] zeros = new byte[BLOCK];
        while (n > 0) {
            int k = (int) Math.min(BLOCK, n);
            emit(zeros, k);
            n -= k;
        }
    }

    private void emit(byte[] bytes, int len) throws IOException {
        out.write(bytes, 0, len);
        written += len;
    }
}
