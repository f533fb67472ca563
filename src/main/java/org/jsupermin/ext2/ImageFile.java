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
 */
final class ImageFile implements AutoCloseable {

    private final RandomAccessFile file;
    private final FileChannel channel;

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
        long pos = position;
        while (data.hasRemaining()) {
            pos += channel.write(data, pos);
        }
    }

    /**
     * Copies {@code count} bytes of {@code source} from {@code sourcePosition} to byte
     * {@code position} of the image, file to file inside the kernel where it can.
     *
     * @return false when the source ended before {@code count} bytes
     */
    boolean copy(FileChannel source, long sourcePosition, long count, long position) throws IOException {
        long done = 0;
        while (done < count) {
            channel.position(position + done);
            long n = source.transferTo(sourcePosition + done, count - done, channel);
            if (n <= 0) {
                return false;
            }
            done += n;
        }
        return true;
    }

    /** Writes one indirect block of 1024 pointers. */
    void writePointers(long block, int[] pointers) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Geometry.BLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(pointers);
        writeAt(block * Geometry.BLOCK_SIZE, b);
    }

    /** Gives the file its final length (the tail stays sparse). */
    void setLength(long size) throws IOException {
        file.setLength(size);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
