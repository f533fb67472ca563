package org.jsupermin.tree;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.jsupermin.util.IoErrors;
import org.jsupermin.util.TempFiles;

/**
 * Where base-image contents wait between reading the archive and writing the output, so that a
 * build's memory does not grow with them: small contents are held in memory up to a budget, the
 * rest are appended to one unnamed temporary file (created when first needed, gone when closed or
 * when the process ends). The archive is thus decompressed once, in order, whatever order the
 * output is written in.
 */
public final class Spool implements Closeable {

    /** The largest content held in memory. */
    static final int MEMBER_IN_MEMORY = 64 * 1024;
    /** The most bytes held in memory in all. */
    static final long MEMORY_BUDGET = 16L << 20;
    private static final int BUFFER = 1 << 16;

    private final Path dir;
    /** Written by the one thread that reads the archives, read by the output's threads later. */
    private volatile FileChannel channel;
    private long end;
    private long inMemory;
    private volatile boolean closed;

    /** A spool whose file, if needed, is made in {@code dir} (null: the JVM's temporary directory). */
    public Spool(Path dir) {
        this.dir = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Whether a content of {@code size} bytes is to be held in memory (and counts it if so). */
    boolean holdInMemory(long size) {
        if (size > MEMBER_IN_MEMORY || inMemory + size > MEMORY_BUDGET) {
            return false;
        }
        inMemory += size;
        return true;
    }

    /** Appends exactly {@code count} bytes of {@code in}; returns where they begin. */
    long append(InputStream in, long count) throws IOException {
        if (channel == null) {
            java.nio.file.Files.createDirectories(dir);
            channel = TempFiles.openUnnamed(dir, "jsupermin-spool");
        }
        if (closed) {
            channel.close();
            throw new IOException("the base images' spool is closed");
        }
        long start = end;
        byte[] buf = new byte[(int) Math.min(BUFFER, Math.max(1, count))];
        long left = count;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new java.io.EOFException("the archive ends in the middle of a member: it is incomplete; rebuild or re-download it");
            }
            ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
            try {
                while (b.hasRemaining()) {
                    end += channel.write(b, end);
                }
            } catch (IOException e) {
                throw new IOException("keeping its contents in a temporary file in " + dir + ": "
                        + IoErrors.describe(e), e);
            }
            left -= n;
        }
        return start;
    }

    /** The spool's file (once something was appended). */
    FileChannel channel() throws IOException {
        if (channel == null || closed) {
            throw new IOException("the base images' spool is closed");
        }
        return channel;
    }

    @Override
    public void close() throws IOException {
        // (also while the archive is still being read: its reading then fails, and nobody asks)
        closed = true;
        FileChannel c = channel;
        if (c != null) {
            c.close();
        }
    }
}
