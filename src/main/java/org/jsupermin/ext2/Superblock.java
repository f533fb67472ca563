package org.jsupermin.ext2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The 1024-byte ext2 superblock, revision 1 (dynamic): features ext_attr (compat), filetype
 * (incompat), sparse_super and large_file (ro_compat); no journal, no resize inode, no
 * dir_index. The primary copy lives at byte 1024 of the image, backups at the first byte of
 * the groups {@link Geometry#hasSuper} names.
 */
final class Superblock {

    static final int SIZE = 1024;
    static final int MAGIC = 0xEF53;
    static final int FIRST_INO = 11;
    static final int COMPAT_EXT_ATTR = 0x0008;
    static final int INCOMPAT_FILETYPE = 0x0002;
    static final int RO_COMPAT_SPARSE_SUPER = 0x0001;
    static final int RO_COMPAT_LARGE_FILE = 0x0002;

    final Geometry geometry;
    long freeBlocks;
    long freeInodes;
    long timestamp;
    UUID uuid;
    UUID hashSeed;
    String volumeLabel;

    Superblock(Geometry geometry) {
        this.geometry = geometry;
    }

    /** 5% of the blocks, reserved for root as mke2fs does by default. */
    long reservedBlocks() {
        return geometry.blocksCount * 5 / 100;
    }

    /** The superblock as stored in group {@code group} (s_block_group_nr differs per copy). */
    ByteBuffer encode(int group) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, (int) geometry.inodesCount());
        b.putInt(4, (int) geometry.blocksCount);
        b.putInt(8, (int) reservedBlocks());
        b.putInt(12, (int) freeBlocks);
        b.putInt(16, (int) freeInodes);
        b.putInt(20, 0);                                  // s_first_data_block
        b.putInt(24, 2);                                  // s_log_block_size: 1024 << 2
        b.putInt(28, 2);                                  // s_log_cluster_size
        b.putInt(32, Geometry.BLOCKS_PER_GROUP);
        b.putInt(36, Geometry.BLOCKS_PER_GROUP);          // s_clusters_per_group
        b.putInt(40, geometry.inodesPerGroup);
        b.putInt(48, (int) timestamp);                    // s_wtime
        b.putShort(54, (short) -1);                       // s_max_mnt_count
        b.putShort(56, (short) MAGIC);
        b.putShort(58, (short) 1);                        // s_state: clean
        b.putShort(60, (short) 1);                        // s_errors: continue
        b.putInt(64, (int) timestamp);                    // s_lastcheck
        b.putInt(76, 1);                                  // s_rev_level: dynamic
        b.putInt(84, FIRST_INO);
        b.putShort(88, (short) Geometry.INODE_SIZE);
        b.putShort(90, (short) group);
        b.putInt(92, COMPAT_EXT_ATTR);
        b.putInt(96, INCOMPAT_FILETYPE);
        b.putInt(100, RO_COMPAT_SPARSE_SUPER | RO_COMPAT_LARGE_FILE);
        putUuid(b, 104, uuid);
        if (volumeLabel != null) {
            byte[] label = volumeLabel.getBytes(StandardCharsets.UTF_8);
            b.put(120, label, 0, Math.min(16, label.length));
        }
        putUuid(b, 236, hashSeed);
        b.put(252, (byte) 1);                             // s_def_hash_version: half_md4
        b.putInt(256, 0x000C);                            // s_default_mount_opts: user_xattr, acl
        b.putInt(264, (int) timestamp);                   // s_mkfs_time
        b.putShort(348, (short) Inode.EXTRA_ISIZE);       // s_min_extra_isize
        b.putShort(350, (short) Inode.EXTRA_ISIZE);       // s_want_extra_isize
        b.putInt(352, 0x0001);                            // s_flags: signed directory hash
        return b;
    }

    private static void putUuid(ByteBuffer b, int at, UUID uuid) {
        ByteBuffer big = ByteBuffer.allocate(16);
        big.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        b.put(at, big.array());
    }
}
