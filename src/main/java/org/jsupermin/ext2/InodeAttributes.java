package org.jsupermin.ext2;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What every inode carries besides its content.
 *
 * @param mode permission bits including setuid, setgid and sticky (07777; type bits are ignored)
 * @param uid numeric owner (32 bits)
 * @param gid numeric group (32 bits)
 * @param mtime modification time in seconds since the epoch; also used for atime and ctime
 * @param xattrs extended attributes by full name ("security.capability"); empty if none
 */
public record InodeAttributes(int mode, int uid, int gid, long mtime, SortedMap<String, byte[]> xattrs) {

    public InodeAttributes {
        mode &= 07777;
        xattrs = xattrs == null || xattrs.isEmpty()
                ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(xattrs));
    }

    /** Attributes without extended attributes. */
    public static InodeAttributes of(int mode, int uid, int gid, long mtime) {
        return new InodeAttributes(mode, uid, gid, mtime, null);
    }
}
