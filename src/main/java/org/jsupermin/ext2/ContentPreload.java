package org.jsupermin.ext2;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.jsupermin.util.Threads;

/**
 * File contents copied into an image before its tree is complete, so that the copying (the
 * larger part of building an image) overlaps with working out the rest of the tree. The image
 * gets the geometry of its size alone (one inode per 16 KiB, as mke2fs); the contents take the
 * first data blocks, in the order placed. {@link Ext2ImageBuilder#write(Path, org.jsupermin.util.Reporter, java.util.concurrent.Future)}
 * then adopts every placed content for the regular file that names the same host file with
 * the same size, and continues after it.
 *
 * <p>Contents may be placed on a guess: one that no file of the tree takes over (excluded,
 * replaced, changed size) leaves its blocks free in the image. The writer falls back to writing
 * the image afresh (the same tree, only later) when the tree needs another geometry (many more
 * inodes than its size suggests).
 *
 * <p>Contents can also be {@linkplain #reserve reserved}: their blocks are placed at once and
 * their bytes copied later by {@link #copyReserved}, while the writer already writes the rest
 * of the image around them; it waits for those copies ({@link #awaitReserved}) before it is
 * done. Every reserved content is copied whether a file takes it over or not, so the image's
 * bytes never depend on timing. One thread places, reserves and copies; {@link #cancel} may
 * come from another.
 */
public final class ContentPreload {

    private final Path path;
    private final long sizeBytes;
    private final ImageFile image;
    private final Geometry geometry;
    private final BlockAllocator allocator;
    private final ContentWriter writer;
    private final Map<Path, Placed> placed = new HashMap<>();
    /** Reserved contents, in order, waiting for {@link #copyReserved}. */
    private final List<Reserved> reserved = new ArrayList<>();
    /** The image file opened again for the reserved contents' copies, which run beside the writer. */
    private final FileChannel copies;
    /** Whether {@link #copyReserved} is done: the contents it could not copy, by host file. */
    private final CompletableFuture<Map<Path, Exception>> copied = new CompletableFuture<>();
    /** Ranges of blocks that placing failed in, to be released. */
    private final List<long[]> failed = new ArrayList<>();
    private volatile boolean cancelled;
    private boolean full;

    /**
     * A content in place: its size, block map and the allocator positions [from, to) its data and
     * indirect blocks lie between.
     */
    record Placed(long size, ContentWriter.Mapped mapped, long from, long to) {
    }

    /** A reserved content: its host file, size and runs of blocks. */
    private record Reserved(Path file, long size, List<ContentWriter.Run> runs) {
    }

    private ContentPreload(Path path, long sizeBytes, Geometry geometry) throws IOException {
        this.path = path;
        this.sizeBytes = sizeBytes;
        this.geometry = geometry;
        this.image = new ImageFile(path);
        this.allocator = new BlockAllocator(geometry);
        this.writer = new ContentWriter(image, allocator);
        // opened now, so that the copies go to this very file even if the writer starts afresh
        this.copies = FileChannel.open(path, StandardOpenOption.WRITE);
    }

    /**
     * Creates the image file at {@code path} for an image of {@code sizeBytes}; null when that
     * size holds no filesystem at all (the writer then reports it).
     */
    public static ContentPreload start(Path path, long sizeBytes) throws IOException {
        Geometry g = SizeAdvisor.geometry(sizeBytes, 0);
        return g == null ? null : new ContentPreload(path, sizeBytes, g);
    }

    /**
     * Copies {@code file} of {@code size} bytes into the image now. Returns false when it was
     * not placed: too large (big files are streamed later, to keep their holes), already placed,
     * cancelled, the image full, or the file unreadable or not of that size. A failure is never
     * thrown here: the writer copies the file again if the tree has it, and reports what is wrong.
     */
    public boolean place(Path file, long size) {
        return put(file, size, () -> writer.copy(file, size, file.toString()));
    }

    /**
     * Places the blocks of {@code file} of {@code size} bytes now and copies its content later,
     * in {@link #copyReserved}; false when it was not placed, as for {@link #place}.
     */
    public boolean reserve(Path file, long size) {
        return put(file, size, () -> {
            List<ContentWriter.Run> runs = new ArrayList<>();
            ContentWriter.Mapped mapped = writer.reserve(size, runs);
            reserved.add(new Reserved(file, size, runs));
            return mapped;
        });
    }

    /** How {@link #put} places a content's blocks. */
    @FunctionalInterface
    private interface Placing {
        ContentWriter.Mapped place() throws IOException, Ext2Exception, NoSpaceException;
    }

    /** Places a content with {@code how}; a failure or a full image leaves its blocks to be released. */
    private boolean put(Path file, long size, Placing how) {
        if (cancelled || full || size > ImageWriter.MAX_COPIED || placed.containsKey(file)) {
            return false;
        }
        long from = allocator.position();
        try {
            placed.put(file, new Placed(size, how.place(), from, allocator.position()));
            return true;
        } catch (IOException | Ext2Exception | RuntimeException e) {
            failed.add(new long[] {from, allocator.position()});
            return false;
        } catch (NoSpaceException e) {
            full = true;
            failed.add(new long[] {from, allocator.position()});
            return false;
        }
    }

    /**
     * Copies every reserved content into its blocks, in the order reserved, until done or
     * cancelled; call after handing the preload to the writer. Never throws: what could not be
     * copied is reported by {@link #awaitReserved} if a file took it over.
     */
    public void copyReserved() {
        Map<Path, Exception> failures = new LinkedHashMap<>();
        ContentWriter.Copier target = (source, sourcePosition, count, position) ->
                ImageFile.transfer(source, sourcePosition, count, copies, position);
        try {
            for (Reserved r : reserved) {
                if (cancelled) {
                    failures.put(r.file(), new IOException("the build was stopped"));
                    continue;
                }
                try {
                    ContentWriter.copyInto(r.file(), r.size(), r.runs(), r.file().toString(), target);
                } catch (IOException | Ext2Exception | RuntimeException e) {
                    failures.put(r.file(), e);
                }
            }
        } finally {
            copied.complete(failures);
        }
    }

    /**
     * Waits for {@link #copyReserved}; fails if it could not copy a content that one of
     * {@code adopted} (the host files whose contents the image took over) needs.
     */
    void awaitReserved(Set<Path> adopted) throws IOException {
        if (reserved.isEmpty()) {
            return;
        }
        Map<Path, Exception> failures = Threads.await(copied, IOException.class, "copying contents into the image");
        for (Map.Entry<Path, Exception> f : failures.entrySet()) {
            if (adopted.contains(f.getKey())) {
                throw new IOException("copying content of " + f.getKey() + " into the image: "
                        + f.getValue().getMessage(), f.getValue());
            }
        }
    }

    /** Stops placing and copying: later {@link #place}, {@link #reserve} and copies do nothing. */
    public void cancel() {
        cancelled = true;
    }

    /** Number of contents placed. */
    public int placedCount() {
        return placed.size();
    }

    /** Whether an image of this geometry can take the placed contents over. */
    boolean usableWith(Geometry g) {
        return geometry.sameLayout(g);
    }

    /** Block ranges [from, to) of failed placements. */
    List<long[]> failedRanges() {
        return failed;
    }

    /** The placed content of {@code file}, or null. */
    Placed placed(Path file) {
        return file == null ? null : placed.get(file);
    }

    Map<Path, Placed> all() {
        return placed;
    }

    ImageFile image() {
        return image;
    }

    BlockAllocator allocator() {
        return allocator;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    /** Closes the image file (again, if the writer took it over and closed it already). */
    public void close() throws IOException {
        try {
            image.close();
        } finally {
            copies.close();
        }
    }

    /** Closes and removes the image file, for a fresh start or after a failure. */
    void discard() throws IOException {
        cancel();
        close();
        Files.deleteIfExists(path);
    }
}
