package org.jsupermin.tree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * The content of a {@link ContentSource.Spooled}, front to back: its bytes read from the spool at
 * their positions (reads of several threads do not disturb each other), zeros in a sparse
 * member's holes.
 */
final class SpooledStream extends InputStream {

    private final FileChannel channel;
    private final long size;
    private final long[] sparse;
    /** Position in the content. */
    private long at;
    /** Position in the spool of the next data byte. */
    private long spoolAt;
    /** Index (into sparse, by pairs) of the next data segment. */
    private int segment;

    SpooledStream(FileChannel channel, long position, long size, long[] sparse) {
        this.channel = channel;
        this.size = size;
        this.sparse = sparse;
        this.spoolAt = position;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (at >= size) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int want = (int) Math.min(len, size - at);
        if (sparse != null) {
            while (segment < sparse.length && at >= sparse[segment] + sparse[segment + 1]) {
                segment += 2;
            }
            long dataStart = segment < sparse.length ? sparse[segment] : size;
            if (at < dataStart) {
                int zeros = (int) Math.min(want, dataStart - at);
                Arrays.fill(b, off, off + zeros, (byte) 0);
                at += zeros;
                return zeros;
            }
            want = (int) Math.min(want, sparse[segment] + sparse[segment + 1] - at);
        }
        int n = channel.read(ByteBuffer.wrap(b, off, want), spoolAt);
        if (n <= 0) {
            throw new IOException("the base images' spool ended early");
        }
        at += n;
        spoolAt += n;
        return n;
    }
}
