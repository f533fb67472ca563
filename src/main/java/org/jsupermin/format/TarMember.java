package org.jsupermin.format;

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
 */
record TarMember(String name, char typeflag, int mode, long uid, long gid, long mtime, long size,
                 String linkName, int devMajor, int devMinor, SortedMap<String, byte[]> xattrs) {

    TarMember {
        xattrs = xattrs == null ? Collections.emptySortedMap() : xattrs;
    }
}
