package org.jsupermin.ext2;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Writes everything but content once the content is placed: per group the block and inode
 * bitmaps (with their padding bits set), the inode table (all-zero blocks skipped), and where
 * sparse_super asks for them the superblock and group descriptor copies.
 */
final class MetadataWriter {

    private static final int BATCH_BLOCKS = 256;
    /** Inode table blocks gathered for one write, one buffer for every group's table. */
    private final ByteBuffer batch =
            ByteBuffer.allocate(BATCH_BLOCKS * Geometry.BLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);

    private final ImageFile image;
    private final Geometry geometry;

    MetadataWriter(ImageFile image, Geometry geometry) {
        this.image = image;
        this.geometry = geometry;
    }

    /**
     * Writes the metadata. {@code inodes} is indexed by inode number (null for unused reserved
     * inodes); all inodes 1..lastIno count as used.
     */
    void write(Inode[] inodes, int lastIno, BlockAllocator allocator, Superblock sb) throws IOException {
        int ipg = geometry.inodesPerGroup;
        GroupDescriptor[] descriptors = new GroupDescriptor[geometry.groups];
        long freeBlocks = 0;
        long freeInodes = 0;
        for (int g = 0; g < geometry.groups; g++) {
            long used = allocator.usedInGroup(g);
            long released = allocator.releasedInGroup(g);
            int usedInodes = (int) Math.max(0, Math.min(ipg, lastIno - (long) g * ipg));
            int dirs = 0;
            for (int i = 1; i <= usedInodes; i++) {
                Inode inode = inodes[g * ipg + i];
                if (inode != null && (inode.mode & 0170000) == FileType.DIRECTORY.modeBits()) {
                    dirs++;
                }
            }
            int free = (int) (geometry.groupBlocks(g) - geometry.overhead(g) - used + released);
            descriptors[g] = new GroupDescriptor(geometry.blockBitmap(g), geometry.inodeBitmap(g),
                    geometry.inodeTable(g), free, ipg - usedInodes, dirs);
            freeBlocks += free;
            freeInodes += ipg - usedInodes;
            byte[] blockBits = bitmap((int) (geometry.overhead(g) + used), (int) geometry.groupBlocks(g));
            if (released > 0) {
                long first = geometry.firstDataBlock(g);
                for (long[] r : allocator.releasedRanges()) {
                    for (long b = Math.max(r[0], first); b < Math.min(r[1], first + used); b++) {
                        int i = (int) (b - geometry.groupStart(g));
                        blockBits[i >> 3] &= (byte) ~(1 << (i & 7));
                    }
                }
            }
            image.write(geometry.blockBitmap(g), blockBits, 0, Geometry.BLOCK_SIZE);
            image.write(geometry.inodeBitmap(g), bitmap(usedInodes, ipg), 0, Geometry.BLOCK_SIZE);
            writeInodeTable(g, inodes, lastIno);
        }
        sb.freeBlocks = freeBlocks;
        sb.freeInodes = freeInodes;
        writeSuperblocks(List.of(descriptors), sb);
    }

    /** A bitmap block with bits [0, used) set and the padding bits [valid, end of block) set. */
    static byte[] bitmap(int used, int valid) {
        byte[] bits = new byte[Geometry.BLOCK_SIZE];
        setRange(bits, 0, used);
        setRange(bits, valid, Geometry.BLOCK_SIZE * 8);
        return bits;
    }

    private static void setRange(byte[] bits, int from, int to) {
        for (int i = from; i < to; i++) {
            bits[i >> 3] |= (byte) (1 << (i & 7));
        }
    }

    private void writeInodeTable(int g, Inode[] inodes, int lastIno) throws IOException {
        int ipg = geometry.inodesPerGroup;
        long batchStart = -1;
        int batchBlocks = 0;
        for (int b = 0; b < geometry.inodeTableBlocks; b++) {
            long firstIno = (long) g * ipg + (long) b * Geometry.INODES_PER_BLOCK + 1;
            if (firstIno > lastIno) {
                break;
            }
            long block = geometry.inodeTable(g) + b;
            if (batchBlocks == BATCH_BLOCKS || (batchBlocks > 0 && block != batchStart + batchBlocks)) {
                flush(batch, batchStart, batchBlocks);
                batchBlocks = 0;
            }
            if (batchBlocks == 0) {
                batchStart = block;
                batch.clear();
                java.util.Arrays.fill(batch.array(), (byte) 0);
            }
            boolean any = false;
            for (int i = 0; i < Geometry.INODES_PER_BLOCK; i++) {
                long ino = firstIno + i;
                if (ino <= lastIno && inodes[(int) ino] != null) {
                    inodes[(int) ino].encode(batch, (batchBlocks * Geometry.INODES_PER_BLOCK + i) * Geometry.INODE_SIZE);
                    any = true;
                }
            }
            if (any) {
                batchBlocks++;
            } else if (batchBlocks > 0) {
                flush(batch, batchStart, batchBlocks);
                batchBlocks = 0;
            }
        }
        flush(batch, batchStart, batchBlocks);
    }

    private void flush(ByteBuffer batch, long start, int blocks) throws IOException {
        if (blocks > 0) {
            image.write(start, batch.array(), 0, blocks * Geometry.BLOCK_SIZE);
        }
    }

    private void writeSuperblocks(List<GroupDescriptor> descriptors, Superblock sb) throws IOException {
        ByteBuffer gdt = ByteBuffer.allocate(geometry.gdtBlocks * Geometry.BLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int g = 0; g < descriptors.size(); g++) {
            descriptors.get(g).encode(gdt, g * Geometry.DESCRIPTOR_SIZE);
        }
        for (int g = 0; g < geometry.groups; g++) {
            if (!Geometry.hasSuper(g)) {
                continue;
            }
            long start = geometry.groupStart(g) * Geometry.BLOCK_SIZE;
            image.writeAt(g == 0 ? 1024 : start, sb.encode(g));
            image.write(geometry.groupStart(g) + 1, gdt.array(), 0, gdt.capacity());
        }
    }
}
