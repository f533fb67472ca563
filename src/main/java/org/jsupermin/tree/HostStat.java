package org.jsupermin.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Map;

/**
 * One lstat(2) of a host file, as the tree needs it.
 *
 * @param mode st_mode including type bits
 * @param uid numeric owner
 * @param gid numeric group
 * @param size st_size
 * @param mtime seconds since the epoch
 * @param dev device id (with {@code ino}: hard-link identity)
 * @param ino inode number
 * @param nlink link count
 * @param rdev device number of a device node
 */
public record HostStat(int mode, int uid, int gid, long size, long mtime, long dev, long ino, int nlink, long rdev) {

    private static final String ATTRS = "unix:mode,uid,gid,size,lastModifiedTime,dev,ino,nlink,rdev";

    /** lstat of {@code path}; throws NoSuchFileException when it is absent. */
    public static HostStat of(Path path) throws IOException {
        return StatFields.AVAILABLE ? ofFields(path) : ofAttributeMap(path);
    }

    /**
     * lstat through the JDK's own result object, its fields read in place (see {@link StatFields});
     * only when {@link StatFields#AVAILABLE}.
     */
    static HostStat ofFields(Path path) throws IOException {
        PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        try {
            return StatFields.read(a);
        } catch (IllegalArgumentException e) {
            return ofAttributeMap(path); // another file system's attributes
        }
    }

    /** lstat through the "unix:" attribute view: names parsed and values boxed into a map at every call. */
    static HostStat ofAttributeMap(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, ATTRS, LinkOption.NOFOLLOW_LINKS);
        return new HostStat((Integer) a.get("mode"), (Integer) a.get("uid"), (Integer) a.get("gid"),
                (Long) a.get("size"), ((FileTime) a.get("lastModifiedTime")).toMillis() / 1000,
                (Long) a.get("dev"), (Long) a.get("ino"), (Integer) a.get("nlink"), (Long) a.get("rdev"));
    }

    /** The entry type. */
    public EntryType type() {
        return EntryType.fromMode(mode);
    }

    /** Major device number, as glibc's gnu_dev_major. */
    public int major() {
        return (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
    }

    /** Minor device number, as glibc's gnu_dev_minor. */
    public int minor() {
        return (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
    }

    /** The tree entry for this host file at {@code appliancePath}; reads a symlink's target. */
    public TreeEntry toEntry(String appliancePath, Path hostPath) throws IOException {
        String target = type() == EntryType.SYMLINK ? Files.readSymbolicLink(hostPath).toString() : null;
        return toEntry(appliancePath, hostPath, target);
    }

    /** The tree entry for this host file at {@code appliancePath}, a symlink's target already read. */
    TreeEntry toEntry(String appliancePath, Path hostPath, String target) {
        EntryType type = type();
        ContentSource source = type == EntryType.FILE ? new ContentSource.HostFile(hostPath) : null;
        long entrySize = type == EntryType.FILE ? size : 0;
        boolean device = type == EntryType.CHAR_DEVICE || type == EntryType.BLOCK_DEVICE;
        return new TreeEntry(appliancePath, type, mode, uid, gid, mtime, entrySize, target, null,
                device ? major() : 0, device ? minor() : 0, null, source);
    }
}
