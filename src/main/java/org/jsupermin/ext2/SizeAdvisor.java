package org.jsupermin.ext2;

/**
 * Answers "how big must the image be": the inode count an image of a given size gets, and the
 * smallest size (in whole MiB) whose data area holds a number of blocks.
 */
final class SizeAdvisor {

    static final long MIB = 1L << 20;
    /** One inode per 16 KiB of image, as mke2fs's default bytes-per-inode. */
    static final long BYTES_PER_INODE = 16384;
    private static final long MAX_SIZE = 0xFFFFFFFFL * Geometry.BLOCK_SIZE;

    private SizeAdvisor() {
    }

    /** Inodes wanted for {@code usedInodes} in an image of {@code sizeBytes}: twice the content, or one per 16 KiB. */
    static long inodesWanted(long sizeBytes, long usedInodes) {
        return Math.max(2 * usedInodes, sizeBytes / BYTES_PER_INODE);
    }

    /** The geometry for an image of {@code sizeBytes} with {@code usedInodes}, or null when they do not fit. */
    static Geometry geometry(long sizeBytes, long usedInodes) {
        Geometry g = Geometry.of(sizeBytes, inodesWanted(sizeBytes, usedInodes));
        if (g != null && g.inodesCount() < usedInodes) {
            g = Geometry.of(sizeBytes, usedInodes);
        }
        return g == null || g.inodesCount() < usedInodes ? null : g;
    }

    static boolean fits(long sizeBytes, long usedInodes, long dataBlocks) {
        Geometry g = geometry(sizeBytes, usedInodes);
        return g != null && g.dataCapacity() >= dataBlocks;
    }

    /** The smallest size in whole MiB holding {@code dataBlocks} and {@code usedInodes}. */
    static long minimumSize(long usedInodes, long dataBlocks) {
        long lo = 1;
        long hi = MAX_SIZE / MIB;
        if (!fits(hi * MIB, usedInodes, dataBlocks)) {
            return MAX_SIZE;
        }
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (fits(mid * MIB, usedInodes, dataBlocks)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo * MIB;
    }

    /** A --size value for {@code bytes}: whole GiB when that is close, else MiB. */
    static String sizeOption(long bytes) {
        long mib = Geometry.ceilDiv(bytes, MIB);
        return mib % 1024 == 0 ? (mib / 1024) + "G" : mib + "M";
    }

    /** The error for an image of {@code sizeBytes} that needs {@code dataBlocks} and {@code usedInodes}. */
    static Ext2Exception tooSmall(String what, long sizeBytes, long usedInodes, long dataBlocks) {
        long min = minimumSize(usedInodes, dataBlocks);
        long more = Math.max(1, Geometry.ceilDiv(min - sizeBytes, MIB));
        return new Ext2Exception("image too small: " + what + " needs " + more + " MiB more; use --size "
                + sizeOption(Math.max(min, sizeBytes + MIB)) + " or more");
    }
}
