package org.jsupermin.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Map;

/**
 * One lstat(2) of a host file: the numbers the appliance's entries are made of.
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

    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
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

    /** Whether it is a directory. */
    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    /** Whether it is a regular file. */
    public boolean isRegularFile() {
        return (mode & S_IFMT) == S_IFREG;
    }

    /** Whether it is a symbolic link. */
    public boolean isSymbolicLink() {
        return (mode & S_IFMT) == S_IFLNK;
    }

    /** Major device number, as glibc's gnu_dev_major. */
    public int major() {
        return (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
    }

    /** Minor device number, as glibc's gnu_dev_minor. */
    public int minor() {
        return (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
    }
}
