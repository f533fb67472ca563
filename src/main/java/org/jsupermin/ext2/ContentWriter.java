package org.jsupermin.ext2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Streams one inode's content into the image: reads 1 MiB at a time, leaves all-zero 4 KiB
 * blocks as holes, places the others through a {@link BlockMapper} and writes each run of
 * physically and logically contiguous blocks with one call. Non-zero blocks also feed a
 * running CRC-32C of the content (a hardware-assisted checksum: a cryptographic digest of every
 * byte costs more than the copy), which {@link #checksum} hands to the image digest. Files on
 * disk can instead be {@linkplain #copy copied} file to file.
 */
final class ContentWriter {

    private static final int CHUNK_BLOCKS = 256;
    private static final byte[] ZERO = new byte[Geometry.BLOCK_SIZE];

    private final ImageFile image;
    private final BlockAllocator allocator;
    private final CRC32C crc = new CRC32C();
    private final byte[] logicalBytes = new byte[8];
    private final byte[] buffer = new byte[CHUNK_BLOCKS * Geometry.BLOCK_SIZE];
    private BlockMapper mapper;
    /** Copies into this writer's image (one object, not one per file). */
    private final Copier imageCopier;
    private final BlockMapper.IndirectSink pointerSink;
    /** Indirect blocks' pointer arrays, reused from file to file. */
    private final ArrayDeque<int[]> spares = new ArrayDeque<>();

    /** The block map of written content. */
    record Mapped(int[] iBlock, long blocks) {
    }

    /** Contiguous blocks of a content: {@code blocks} from logical block {@code logical} at {@code physical}. */
    record Run(long logical, long physical, long blocks) {
    }

    ContentWriter(ImageFile image, BlockAllocator allocator) {
        this.image = image;
        this.allocator = allocator;
        this.imageCopier = image::copy;
        this.pointerSink = image::writePointers;
    }

    /** The checksum of all non-zero content blocks written so far, with their logical positions. */
    long checksum() {
        return crc.getValue();
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
        mapper = new BlockMapper(allocator, pointerSink, spares);
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

    /**
     * Copies exactly {@code size} bytes of a file into freshly placed blocks, file to file
     * inside the kernel: no zero-block holes, and only the size reaches the checksum.
     *
     * @throws Ext2Exception when the file is not {@code size} bytes long
     */
    Mapped copy(Path file, long size, String path) throws IOException, Ext2Exception, NoSpaceException {
        try (FileChannel source = open(file, size, path)) {
            List<Run> runs = new ArrayList<>();
            Mapped mapped = reserve(size, runs);
            copyRuns(source, runs, size, path, imageCopier);
            return mapped;
        }
    }

    /**
     * Places the blocks of a {@code size}-byte content without writing it, as {@link #copy}
     * would place them; adds its runs of contiguous blocks to {@code runs}, for
     * {@link #copyInto} to fill later.
     */
    Mapped reserve(long size, List<Run> runs) throws IOException, NoSpaceException {
        mapper = new BlockMapper(allocator, pointerSink, spares);
        long blocks = Geometry.ceilDiv(size, Geometry.BLOCK_SIZE);
        long runLogical = 0;
        long runPhys = -1;
        long runLen = 0;
        for (long i = 0; i < blocks; i++) {
            long phys = mapper.place(i);
            if (runLen > 0 && phys == runPhys + runLen) {
                runLen++;
                continue;
            }
            if (runLen > 0) {
                runs.add(new Run(runLogical, runPhys, runLen));
            }
            runLogical = i;
            runPhys = phys;
            runLen = 1;
        }
        if (runLen > 0) {
            runs.add(new Run(runLogical, runPhys, runLen));
        }
        ByteBuffer.wrap(logicalBytes).putLong(0, size);
        crc.update(logicalBytes);
        mapper.finish();
        Mapped result = new Mapped(mapper.iBlock(), mapper.blocks());
        mapper = null;
        return result;
    }

    /** Where {@link #copyInto} puts bytes: {@code count} bytes of a source at an image byte position. */
    @FunctionalInterface
    interface Copier {
        /** Returns false when the source ended first. */
        boolean copy(FileChannel source, long sourcePosition, long count, long position) throws IOException;
    }

    /**
     * Copies {@code file}, which must hold exactly {@code size} bytes, into the blocks
     * {@link #reserve} placed it in; {@code path} names it in errors.
     */
    static void copyInto(Path file, long size, List<Run> runs, String path, Copier target)
            throws IOException, Ext2Exception {
        try (FileChannel source = open(file, size, path)) {
            copyRuns(source, runs, size, path, target);
        }
    }

    /** Opens {@code file}, which must hold {@code size} bytes. */
    private static FileChannel open(Path file, long size, String path) throws IOException, Ext2Exception {
        FileChannel source = FileChannel.open(file, StandardOpenOption.READ);
        try {
            if (source.size() != size) {
                throw new Ext2Exception("content of " + path + " (" + file + ") is " + source.size() + " bytes, "
                        + size + " expected; did it change during the build?");
            }
            return source;
        } catch (IOException | Ext2Exception e) {
            source.close();
            throw e;
        }
    }

    private static void copyRuns(FileChannel source, List<Run> runs, long size, String path, Copier target)
            throws IOException, Ext2Exception {
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            long from = run.logical() * Geometry.BLOCK_SIZE;
            long count = Math.min(run.blocks() * Geometry.BLOCK_SIZE, size - from);
            if (!target.copy(source, from, count, run.physical() * Geometry.BLOCK_SIZE)) {
                throw new Ext2Exception("content of " + path + " ended before " + size
                        + " bytes; did it change during the build?");
            }
        }
    }

    /**
     * Takes over content {@linkplain #copy copied} into the image earlier, checksummed as a copy
     * of {@code size} bytes made now would be.
     */
    Mapped adopt(Mapped placed, long size) {
        ByteBuffer.wrap(logicalBytes).putLong(0, size);
        crc.update(logicalBytes);
        return placed;
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
            ByteBuffer.wrap(logicalBytes).putLong(0, firstLogical + i);
            crc.update(logicalBytes);
            crc.update(buffer, off, Geometry.BLOCK_SIZE);
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
