package org.jsupermin.ext2;

import java.util.UUID;

/**
 * How to build an image.
 *
 * @param sizeBytes length of the image file; the filesystem uses every whole 4 KiB block of it
 * @param timestamp seconds since the epoch for s_mkfs_time, s_wtime, s_lastcheck and for the
 *     implicit root and lost+found directories
 * @param uuid the filesystem UUID, or null to derive it (and the directory hash seed) from a
 *     digest of the metadata and a checksum of the content
 * @param volumeLabel the volume name (at most 16 UTF-8 bytes), or null for none
 */
public record Ext2Options(long sizeBytes, long timestamp, UUID uuid, String volumeLabel) {

    /** Options with a derived UUID and no label. */
    public static Ext2Options of(long sizeBytes, long timestamp) {
        return new Ext2Options(sizeBytes, timestamp, null, null);
    }
}
