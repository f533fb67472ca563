package org.jsupermin.ext2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Streams one inode's content into the image: reads 1 MiB at a time, leaves all-zero 4 KiB
 * blocks as holes, places the others through a {@link BlockMapper} and writes each run of
 * physically and logically contiguous blocks with one call. Non-zero blocks also feed the
 * image digest.
 */
final class ContentWriter {

    private static final int CHUNK_BLOCKS = 256;
    private static final byte[] ZERO = new byte[Geometry.BLOCK_SIZE];

    private final ImageFile image;
    private final BlockAllocator allocator;
    private final MessageDigest digest;
    private final byte[] buffer = new byte[CHUNK_BLOCKS * Geometry.BLOCK_SIZE];
    private BlockMapper mapper;

    /** The block map of written content. */
    record Mapped(int[] iBlock, long blocks) {
    }

    ContentWriter(ImageFile image, BlockAllocator allocator, MessageDigest digest) {
        this.image = image;
        this.allocator = allocator;
        this.digest = digest;
    }

    /** Blocks placed so far for the content being written (to size an error message). */
    long placedSoFar() {
        return mapper == null ? 0 : mapper.blocks();
    }

    /**
     * Writes exactly {@code size} bytes from {@code in}.
     *
     * @throws Ext2Exception when the stream is shorter or longer than {@code size}
     */
    Mapped write(InputStream in, long size, String path) throws IOException, Ext2Exception, NoSpaceException {
        mapper = new BlockMapper(allocator, image::writePointers);
        long logical = 0;
        long remaining = size;
        while (remaining > 0) {
            int want = (int) Math.min(buffer.length, remaining);
            int got = in.readNBytes(buffer, 0, want);
            if (got < want) {
                throw new Ext2Exception("content of " + path + " ended after " + (size - remaining + got)
                        + " bytes, " + size + " expected; did it change during the build?");
            }
            int blocks = (int) Geometry.ceilDiv(want, Geometry.BLOCK_SIZE);
            Arrays.fill(buffer, want, blocks * Geometry.BLOCK_SIZE, (byte) 0);
            writeChunk(logical, blocks);
            logical += blocks;
            remaining -= want;
        }
        if (in.read() >= 0) {
            throw new Ext2Exception("content of " + path + " is longer than " + size
                    + " bytes; did it change during the build?");
        }
        mapper.finish();
        Mapped result = new Mapped(mapper.iBlock(), mapper.blocks());
        mapper = null;
        return result;
    }

    private void writeChunk(long firstLogical, int blocks) throws IOException, NoSpaceException {
        int runStart = -1;
        long runPhys = -1;
        int runLen = 0;
        for (int i = 0; i < blocks; i++) {
            int off = i * Geometry.BLOCK_SIZE;
            if (Arrays.mismatch(buffer, off, off + Geometry.BLOCK_SIZE, ZERO, 0, Geometry.BLOCK_SIZE) < 0) {
                continue;
            }
            digest.update(ByteBuffer.allocate(8).putLong(0, firstLogical + i).array());
            digest.update(buffer, off, Geometry.BLOCK_SIZE);
            long phys = mapper.place(firstLogical + i);
            if (runLen > 0 && phys == runPhys + runLen && i == runStart + runLen) {
                runLen++;
                continue;
            }
            flush(runStart, runPhys, runLen);
            runStart = i;
            runPhys = phys;
            runLen = 1;
        }
        flush(runStart, runPhys, runLen);
    }

    private void flush(int start, long phys, int len) throws IOException {
        if (len > 0) {
            image.write(phys, buffer, start * Geometry.BLOCK_SIZE, len * Geometry.BLOCK_SIZE);
        }
    }
}
