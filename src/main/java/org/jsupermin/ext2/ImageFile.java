package org.jsupermin.ext2;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The image file, written at block offsets through one FileChannel. Only non-zero blocks are
 * ever written; the file gets its full length at the end, so everything else stays a hole.
 * Writes to consecutive positions (directory after directory, pointers after data, as blocks
 * are allocated in order) are gathered into one system call of up to 1 MiB.
 */
final class ImageFile implements AutoCloseable {

    private static final int GATHER = 1 << 20;

    private final RandomAccessFile file;
    private final FileChannel channel;
    private final ByteBuffer pending = ByteBuffer.allocate(GATHER);
    /** The indirect block being written, reused. */
    private final ByteBuffer pointerBlock = ByteBuffer.allocate(Geometry.BLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    /** Where the gathered bytes go. */
    private long pendingAt = -1;

    /**
     * Creates the file afresh. An existing one is deleted rather than truncated: on ext4, a
     * file truncated to zero is flushed to disk when closed (auto_da_alloc), which would make
     * closing the image wait for all of it.
     */
    ImageFile(Path path) throws IOException {
        Files.deleteIfExists(path);
        this.file = new RandomAccessFile(path.toFile(), "rw");
        this.channel = file.getChannel();
    }

    /** Writes {@code len} bytes of {@code data} from {@code off} at the start of {@code block}. */
    void write(long block, byte[] data, int off, int len) throws IOException {
        writeAt(block * Geometry.BLOCK_SIZE, ByteBuffer.wrap(data, off, len));
    }

    /** Writes a buffer's remaining bytes at byte {@code position}. */
    void writeAt(long position, ByteBuffer data) throws IOException {
        if (pendingAt >= 0 && position == pendingAt + pending.position() && data.remaining() <= pending.remaining()) {
            pending.put(data);
            return;
        }
        flush();
        if (data.remaining() <= pending.capacity()) {
            pendingAt = position;
            pending.put(data);
            return;
        }
        long pos = position;
        while (data.hasRemaining()) {
            pos += channel.write(data, pos);
        }
    }

    /** Writes the gathered bytes. */
    private void flush() throws IOException {
        if (pendingAt < 0) {
            return;
        }
        pending.flip();
        long pos = pendingAt;
        while (pending.hasRemaining()) {
            pos += channel.write(pending, pos);
        }
        pending.clear();
        pendingAt = -1;
    }

    /**
     * Copies {@code count} bytes of {@code source} from {@code sourcePosition} to byte
     * {@code position} of the image, file to file inside the kernel where it can.
     *
     * @return false when the source ended before {@code count} bytes
     */
    boolean copy(FileChannel source, long sourcePosition, long count, long position) throws IOException {
        flush();
        return transfer(source, sourcePosition, count, channel, position);
    }

    /**
     * Copies {@code count} bytes of {@code source} from {@code sourcePosition} to byte
     * {@code position} of {@code target}, inside the kernel where it can; false when the source
     * ended first. {@code target}'s file position moves.
     */
    static boolean transfer(FileChannel source, long sourcePosition, long count, FileChannel target, long position)
            throws IOException {
        long done = 0;
        while (done < count) {
            target.position(position + done);
            long n = source.transferTo(sourcePosition + done, count - done, target);
            if (n <= 0) {
                return false;
            }
            done += n;
        }
        return true;
    }

    /** Writes one indirect block of 1024 pointers. */
    void writePointers(long block, int[] pointers) throws IOException {
        pointerBlock.clear();
        pointerBlock.asIntBuffer().put(pointers);
        // writeAt copies it (gathered, or written at once)
        writeAt(block * Geometry.BLOCK_SIZE, pointerBlock);
    }

    /** Gives the file its final length (the tail stays sparse). */
    void setLength(long size) throws IOException {
        flush();
        file.setLength(size);
    }

    /** Writes what is gathered and closes the file; closing again does nothing. */
    @Override
    public void close() throws IOException {
        if (file.getChannel().isOpen()) {
            try {
                flush();
            } finally {
                file.close();
            }
        }
    }
}
