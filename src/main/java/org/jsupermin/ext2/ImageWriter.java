package org.jsupermin.ext2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;

import org.jsupermin.util.FileNames;
import org.jsupermin.util.Reporter;
import org.jsupermin.util.Threads;

/**
 * Writes a planned tree into an image in one pass: shared xattr blocks, then every inode's
 * content in inode order (directories, files (reporting each to a {@link Reporter}), slow symlinks), then inode tables, bitmaps,
 * descriptors and superblocks. The UUID and hash seed come from a digest of the metadata and
 * a checksum of the content.
 */
final class ImageWriter {

    /**
     * Larger files are streamed so that their all-zero blocks become holes (disk images,
     * databases); smaller ones are copied file to file.
     */
    static final long MAX_COPIED = 64L << 20;

    /** Block ranges by their start. */
    private static final java.util.Comparator<long[]> BY_START = java.util.Comparator.comparingLong(r -> r[0]);

    private final Ext2Options options;
    private final TreePlan plan;
    private final Geometry geometry;
    private final Reporter reporter;
    /** Contents being copied into the image file meanwhile; or null. */
    private final Future<ContentPreload> pending;
    /** The contents in the image file, adopted by the files naming them; or null. */
    private ContentPreload preload;
    /** Every directory's blocks, by owner index (null for other inodes), packed before waiting. */
    private byte[][] directoryBlocks;
    private Future<Digests> metadataDigest;
    /** The host files whose preloaded contents the image took over. */
    private Set<Path> adopted = Set.of();
    private long filesDone;
    private long bytesDone;

    /**
     * @param preload contents placed in the image file beforehand, or null; when the plan cannot
     *     adopt them all, the image is written afresh
     */
    ImageWriter(Ext2Options options, TreePlan plan, Reporter reporter, Future<ContentPreload> pending)
            throws Ext2Exception, IOException {
        this.options = options;
        this.plan = plan;
        this.reporter = reporter;
        long size = options.sizeBytes();
        this.pending = pending;
        Geometry g = SizeAdvisor.geometry(size, plan.lastIno);
        if (g == null || g.dataCapacity() < plan.fixedBlocks) {
            throw SizeAdvisor.tooSmall("the directory tree (" + plan.owners.size() + " inodes)", size, plan.lastIno,
                    plan.fixedBlocks);
        }
        this.geometry = g;
    }

    private static ContentPreload await(Future<ContentPreload> pending) throws IOException {
        return pending == null ? null : Threads.await(pending, IOException.class, "the image's preloaded contents");
    }

    /**
     * Which placed contents the plan takes over: each by the first regular file (in inode order)
     * naming its host file with its size. The blocks of the others, and of failed placements,
     * are released.
     */
    private static Set<Path> claim(TreePlan plan, ContentPreload preload, BlockAllocator allocator) {
        Set<Path> claimed = new HashSet<>();
        for (Node n : plan.owners) {
            if (n.type == FileType.REGULAR && n.size <= MAX_COPIED) {
                Path file = n.content.file();
                ContentPreload.Placed p = preload.placed(file);
                if (p != null && p.size() == n.size) {
                    claimed.add(file);
                }
            }
        }
        List<long[]> unused = new ArrayList<>(preload.failedRanges());
        for (Map.Entry<Path, ContentPreload.Placed> e : preload.all().entrySet()) {
            if (!claimed.contains(e.getKey())) {
                unused.add(new long[] {e.getValue().from(), e.getValue().to()});
            }
        }
        unused.sort(BY_START);
        for (long[] r : unused) {
            allocator.release(r[0], r[1]);
        }
        return claimed;
    }

    void write(Path path) throws IOException, Ext2Exception {
        // what needs no block numbers is worked out while the contents are still being copied
        directoryBlocks = new byte[plan.owners.size()][];
        for (int i = 0; i < directoryBlocks.length; i++) {
            Node n = plan.owners.get(i);
            if (n.type == FileType.DIRECTORY) {
                directoryBlocks[i] = DirectoryBlocks.pack(plan.entries(n), n == plan.lostFound ? TreePlan.LOST_FOUND_BLOCKS : 1);
            }
        }
        // the metadata's digest (for the UUID, needed last) is worked out beside the writing,
        // and the image's digest begun there, as the first digest's set-up takes a while
        Future<Digests> metadata = Threads.start("ext2-digest", () -> {
            MessageDigest image = org.jsupermin.util.Digests.sha256();
            for (byte[] block : plan.xattrBlocks) {
                image.update(block);
            }
            return new Digests(image, digestMetadata());
        });
        ContentPreload placed = await(pending);
        if (placed != null && !(placed.sizeBytes() == options.sizeBytes() && placed.usableWith(geometry))) {
            placed.discard();
            placed = null;
        }
        preload = placed;
        this.metadataDigest = metadata;
        boolean done = false;
        try (ImageFile image = preload != null ? preload.image() : new ImageFile(path)) {
            writeAll(image);
            image.setLength(options.sizeBytes());
            if (preload != null) {
                // contents reserved in the image may still be being copied while all else was written
                preload.awaitReserved(adopted);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(path);
            }
        }
    }

    private void writeAll(ImageFile image) throws IOException, Ext2Exception {
        BlockAllocator allocator = preload != null ? preload.allocator() : new BlockAllocator(geometry);
        Set<Path> claimed = preload != null ? claim(plan, preload, allocator) : new HashSet<>();
        adopted = claimed;
        // each claimed content goes to the first file naming it (a set of its own, so that the
        // claimed set is not copied: it holds thousands of paths)
        Set<Path> taken = new HashSet<>(claimed.size() * 2);
        ContentWriter content = new ContentWriter(image, allocator);
        Inode[] inodes = new Inode[plan.lastIno + 1];
        long[] xattrBlocks = new long[plan.xattrBlocks.size()];
        int i = 0;
        try {
            for (int x = 0; x < xattrBlocks.length; x++) {
                xattrBlocks[x] = allocator.allocate();
                image.write(xattrBlocks[x], plan.xattrBlocks.get(x), 0, Geometry.BLOCK_SIZE);
            }
            for (; i < plan.owners.size(); i++) {
                Node n = plan.owners.get(i);
                Inode inode = inode(n, i, content, claimed, taken);
                if (n.xattrBlock >= 0) {
                    inode.fileAcl = xattrBlocks[n.xattrBlock];
                    inode.blocks++;
                }
                inodes[n.ino] = inode;
            }
        } catch (NoSpaceException e) {
            long need = allocator.used() - content.placedSoFar();
            for (int k = i; k < plan.owners.size(); k++) {
                need += plan.upperBlocks[k];
            }
            String what = i < plan.owners.size() ? plan.owners.get(i).path : "the tree";
            throw SizeAdvisor.tooSmall(what, options.sizeBytes(), plan.lastIno, need);
        }
        Superblock sb = new Superblock(geometry);
        sb.timestamp = options.timestamp();
        sb.volumeLabel = options.volumeLabel();
        // the image's digest: its extended attribute blocks, its contents' checksum, its metadata
        Digests digests = Threads.await(metadataDigest, Ext2Exception.class, "the image's metadata digest");
        MessageDigest digest = digests.image();
        digest.update(ByteBuffer.allocate(8).putLong(0, content.checksum()).array());
        digest.update(digests.metadata());
        ByteBuffer sum = ByteBuffer.wrap(digest.digest());
        UUID derived = versioned(sum.getLong(0), sum.getLong(8));
        sb.uuid = options.uuid() != null ? options.uuid() : derived;
        sb.hashSeed = versioned(sum.getLong(16), sum.getLong(24));
        new MetadataWriter(image, geometry).write(inodes, plan.lastIno, allocator, sb);
    }

    private Inode inode(Node n, int index, ContentWriter content, Set<Path> claimed, Set<Path> taken)
            throws IOException, Ext2Exception, NoSpaceException {
        Inode inode = new Inode();
        InodeAttributes a = n.attrs;
        inode.mode = n.type.modeBits() | a.mode();
        inode.uid = a.uid();
        inode.gid = a.gid();
        inode.atime = a.mtime();
        inode.ctime = a.mtime();
        inode.mtime = a.mtime();
        inode.linksCount = n.links;
        inode.xattrArea = n.xattrInline;
        ContentWriter.Mapped mapped = null;
        switch (n.type) {
            case DIRECTORY -> {
                byte[] blocks = directoryBlocks[index];
                inode.size = blocks.length;
                mapped = content.write(new ByteArrayInputStream(blocks), blocks.length, n.path);
            }
            case REGULAR -> {
                inode.size = n.size;
                Path file = n.content.file();
                if (file != null && claimed.contains(file) && taken.add(file)) {
                    mapped = content.adopt(preload.placed(file).mapped(), n.size);
                } else if (file != null && n.size <= MAX_COPIED) {
                    try {
                        mapped = content.copy(file, n.size, n.path);
                    } catch (IOException e) {
                        throw new IOException("copying content of " + n.path + " from " + file + ": " + e.getMessage(), e);
                    }
                } else {
                    try (InputStream in = n.content.open()) {
                        mapped = content.write(in, n.size, n.path);
                    } catch (IOException e) {
                        throw new IOException("reading content of " + n.path + ": " + e.getMessage(), e);
                    }
                }
                filesDone++;
                bytesDone += n.size;
                reporter.progress(filesDone, bytesDone);
                if (mapped.blocks() * (Geometry.BLOCK_SIZE / 512) > 0xFFFFFFFFL) {
                    throw new Ext2Exception(n.path + " is too large for ext2 without huge_file (2 TiB of blocks)");
                }
            }
            case SYMLINK -> {
                byte[] target = n.targetBytes();
                inode.size = target.length;
                if (n.isFastSymlink()) {
                    System.arraycopy(target, 0, inode.iBlock, 0, target.length);
                } else {
                    mapped = content.write(new ByteArrayInputStream(target), target.length, n.path);
                }
            }
            case CHAR_DEVICE, BLOCK_DEVICE -> inode.setDevice(n.major, n.minor);
            default -> {
            }
        }
        if (mapped != null) {
            inode.setBlockPointers(mapped.iBlock());
            inode.blocks = mapped.blocks();
        }
        return inode;
    }

    /**
     * SHA-256 of the names, inode numbers and attributes of the whole tree, each field written
     * in a fixed binary form (strings with their length first), a buffer at a time.
     */
    private byte[] digestMetadata() {
        MetadataDigest out = new MetadataDigest(org.jsupermin.util.Digests.sha256());
        out.putLong(options.sizeBytes());
        out.putLong(options.timestamp());
        out.putString(options.volumeLabel());
        for (Node n : plan.sorted) {
            out.putString(n.path);
            out.putInt(n.ino);
            if (n.isLink()) {
                out.put((byte) 0);
                continue;
            }
            out.put((byte) (1 + n.type.ordinal()));
            out.putInt(n.attrs.mode());
            out.putInt(n.attrs.uid());
            out.putInt(n.attrs.gid());
            out.putLong(n.attrs.mtime());
            out.putLong(n.size);
            out.putString(n.target);
            out.putInt(n.major);
            out.putInt(n.minor);
            out.putInt(n.attrs.xattrs().size());
            for (Map.Entry<String, byte[]> x : n.attrs.xattrs().entrySet()) {
                out.putString(x.getKey());
                out.putBytes(x.getValue());
            }
        }
        return out.finish();
    }

    /** The image's digest begun (its extended attribute blocks) and the metadata's digest. */
    private record Digests(MessageDigest image, byte[] metadata) {
    }

    /** Fields into a digest through a buffer: strings and byte arrays length first (-1 for null). */
    private static final class MetadataDigest {
        private final MessageDigest digest;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

        MetadataDigest(MessageDigest digest) {
            this.digest = digest;
        }

        private void room(int n) {
            if (buffer.remaining() < n) {
                digest.update(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
        }

        void put(byte b) {
            room(1);
            buffer.put(b);
        }

        void putInt(int v) {
            room(4);
            buffer.putInt(v);
        }

        void putLong(long v) {
            room(8);
            buffer.putLong(v);
        }

        void putString(String s) {
            putBytes(s == null ? null : FileNames.encode(s));
        }

        void putBytes(byte[] b) {
            putInt(b == null ? -1 : b.length);
            if (b == null) {
                return;
            }
            if (b.length > buffer.capacity()) {
                room(buffer.capacity());
                digest.update(b);
                return;
            }
            room(b.length);
            buffer.put(b);
        }

        byte[] finish() {
            digest.update(buffer.array(), 0, buffer.position());
            return digest.digest();
        }
    }

    /** A UUID from 128 digest bits, marked as version 4, variant 1 like random ones. */
    private static UUID versioned(long msb, long lsb) {
        return new UUID((msb & ~0xF000L) | 0x4000L, (lsb & ~(0xC000L << 48)) | (0x8000L << 48));
    }
}
