package org.jsupermin.tree;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jsupermin.util.AbsolutePaths;

/**
 * One object of the appliance, independent of any output format.
 *
 * @param path absolute, normalised path inside the appliance; the root directory is "/"
 * @param type what kind of object it is
 * @param mode permission bits including setuid, setgid and sticky (07777 mask; no type bits)
 * @param uid numeric owner as on the root
 * @param gid numeric group as on the root
 * @param mtime modification time, seconds since the epoch (already clamped to SOURCE_DATE_EPOCH)
 * @param size content size for regular files, 0 otherwise
 * @param linkTarget symlink target, verbatim; null for other types
 * @param hardLinkGroup for regular files with several names: the path of the group's first member
 *     (in path order), the same for every member; null when the file has one name
 * @param devMajor device major number for device nodes
 * @param devMinor device minor number for device nodes
 * @param xattrs extended attributes by full name ("security.capability"), sorted; empty if none
 * @param source content of a regular file; null for other types
 */
public record TreeEntry(String path, EntryType type, int mode, int uid, int gid, long mtime, long size,
                        String linkTarget, String hardLinkGroup, int devMajor, int devMinor,
                        SortedMap<String, byte[]> xattrs, ContentSource source) {

    public TreeEntry {
        xattrs = xattrs == null || xattrs.isEmpty()
                ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(xattrs));
        mode &= 07777;
    }

    /** A root-owned directory. */
    public static TreeEntry directory(String path, int mode, long mtime) {
        return new TreeEntry(path, EntryType.DIRECTORY, mode, 0, 0, mtime, 0, null, null, 0, 0, null, null);
    }

    /** A root-owned symlink. */
    public static TreeEntry symlink(String path, String target, long mtime) {
        return new TreeEntry(path, EntryType.SYMLINK, 0777, 0, 0, mtime, 0, target, null, 0, 0, null, null);
    }

    /** A root-owned regular file. */
    public static TreeEntry file(String path, int mode, long mtime, long size, ContentSource source) {
        return new TreeEntry(path, EntryType.FILE, mode, 0, 0, mtime, size, null, null, 0, 0, null, source);
    }

    /** Whether this entry is a later name of a hard-linked file (not the group's first member). */
    public boolean isHardLinkToEarlier() {
        return hardLinkGroup != null && !hardLinkGroup.equals(path);
    }

    /** The last path component; "" for the root. */
    public String name() {
        return path.equals("/") ? "" : path.substring(path.lastIndexOf('/') + 1);
    }

    /** The parent directory's path; null for the root. */
    public String parent() {
        return AbsolutePaths.parent(path);
    }

    /** A copy with another path (for usrmerge aliases and diversions). */
    public TreeEntry withPath(String newPath) {
        return new TreeEntry(newPath, type, mode, uid, gid, mtime, size, linkTarget, hardLinkGroup,
                devMajor, devMinor, xattrs, source);
    }

    /** A copy with another hard-link group. */
    public TreeEntry withHardLinkGroup(String group) {
        return new TreeEntry(path, type, mode, uid, gid, mtime, size, linkTarget, group,
                devMajor, devMinor, xattrs, source);
    }

    /** A copy with the mtime clamped to at most {@code epoch}. */
    public TreeEntry clampedTo(long epoch) {
        return mtime <= epoch ? this : new TreeEntry(path, type, mode, uid, gid, epoch, size, linkTarget,
                hardLinkGroup, devMajor, devMinor, xattrs, source);
    }
}
