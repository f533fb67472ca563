package org.jsupermin.tar;

import java.util.Collections;
import java.util.SortedMap;

/**
 * One tar member as written: a header plus, for regular files, {@code size} bytes of content.
 *
 * @param name member name as stored ("./", "./usr/", "./usr/bin/bash")
 * @param typeflag ustar type: '0' file, '1' hard link, '2' symlink, '3' char, '4' block, '5' dir, '6' fifo
 * @param mode permission bits including setuid, setgid and sticky
 * @param uid numeric owner
 * @param gid numeric group
 * @param mtime seconds since the epoch
 * @param size content bytes following the header (0 except for regular files)
 * @param linkName symlink target or hard-link member name; null otherwise
 * @param devMajor device major number
 * @param devMinor device minor number
 * @param xattrs extended attributes written as {@code SCHILY.xattr.<name>} records
 * @param userName owner name (ASCII, at most 31 bytes), or null for none (numeric owners only)
 * @param groupName group name (ASCII, at most 31 bytes), or null for none
 */
public record TarMember(String name, char typeflag, int mode, long uid, long gid, long mtime, long size,
                        String linkName, int devMajor, int devMinor, SortedMap<String, byte[]> xattrs,
                        String userName, String groupName) {

    public TarMember {
        xattrs = xattrs == null ? Collections.emptySortedMap() : xattrs;
    }

    /** A member with numeric owners only (empty user and group names, as tar --numeric-owner writes). */
    public TarMember(String name, char typeflag, int mode, long uid, long gid, long mtime, long size,
                     String linkName, int devMajor, int devMinor, SortedMap<String, byte[]> xattrs) {
        this(name, typeflag, mode, uid, gid, mtime, size, linkName, devMajor, devMinor, xattrs, null, null);
    }
}
