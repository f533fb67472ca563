package org.jsupermin.util;

import java.lang.reflect.Field;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Path;

/**
 * Host paths whose names are not UTF-8. The JDK turns a path's bytes into a string with
 * replacement characters and refuses to turn such a string back into a path; the appliance keeps
 * those bytes as escapes ({@link FileNames}). Here a path is made from, and read as, its bytes:
 * {@code sun.nio.fs.UnixPath} holds them in its field {@code path}, set and read with
 * {@code sun.misc.Unsafe} (see {@code host.StatFields} for why Unsafe, and why not from JDK 24
 * on). Where that is not possible such a name is refused with a clear message, never altered.
 * Names that are UTF-8 take the JDK's own way and cost nothing more.
 */
public final class RawPaths {

    private static final sun.misc.Unsafe UNSAFE;
    private static final Class<?> TYPE;
    private static final long FS_OFFSET;
    private static final long PATH_OFFSET;

    static {
        sun.misc.Unsafe unsafe = null;
        Class<?> type = null;
        long fs = 0;
        long path = 0;
        try {
            if (Runtime.version().feature() < 24) {
                type = Class.forName("sun.nio.fs.UnixPath");
                Field fsField = type.getDeclaredField("fs");
                Field pathField = type.getDeclaredField("path");
                if (pathField.getType() == byte[].class && FileSystems.getDefault().getPath("/").getClass() == type) {
                    Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                    theUnsafe.setAccessible(true);
                    unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
                    fs = unsafe.objectFieldOffset(fsField);
                    path = unsafe.objectFieldOffset(pathField);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            unsafe = null;
        }
        UNSAFE = unsafe;
        TYPE = type;
        FS_OFFSET = fs;
        PATH_OFFSET = path;
    }

    private RawPaths() {
    }

    /** Whether names that are not UTF-8 can be used on this JVM. */
    public static boolean available() {
        return UNSAFE != null;
    }

    /** {@code dir} resolved against {@code relative} (a name or a relative path, escapes allowed). */
    public static Path resolve(Path dir, String relative) throws FileSystemException {
        if (!FileNames.hasEscapes(relative)) {
            return dir.resolve(relative);
        }
        byte[] d = bytes(dir);
        byte[] r = FileNames.encode(relative);
        byte[] all = new byte[d.length + 1 + r.length];
        System.arraycopy(d, 0, all, 0, d.length);
        all[d.length] = '/';
        System.arraycopy(r, 0, all, d.length + 1, r.length);
        return make(all, dir.toString() + "/" + FileNames.printable(relative, 200));
    }

    /** The path of {@code name} (escapes allowed), as a symlink target is given. */
    public static Path of(String name) throws FileSystemException {
        if (!FileNames.hasEscapes(name)) {
            return Path.of(name);
        }
        return make(FileNames.encode(name), FileNames.printable(name, 200));
    }

    /** The last name of {@code p}, bytes that are not UTF-8 kept as escapes. */
    public static String fileName(Path p) {
        return text(p.getFileName());
    }

    /** {@code p} as text (a symlink's target as read), bytes that are not UTF-8 kept as escapes. */
    public static String text(Path p) {
        String s = p.toString();
        if (s.indexOf('\uFFFD') < 0 || UNSAFE == null || p.getClass() != TYPE) {
            return s;
        }
        return FileNames.decode((byte[]) UNSAFE.getObject(p, PATH_OFFSET));
    }

    private static byte[] bytes(Path p) {
        if (UNSAFE != null && p.getClass() == TYPE) {
            return (byte[]) UNSAFE.getObject(p, PATH_OFFSET);
        }
        return FileNames.encode(p.toString());
    }

    private static Path make(byte[] bytes, String shown) throws FileSystemException {
        if (UNSAFE == null) {
            throw new FileSystemException(shown, null, "the name is not UTF-8, and Java " + Runtime.version().feature()
                    + " offers no way to use it byte for byte: run jsupermin on Java 17 to 23 (JAVA=/path/to/bin/java"
                    + " or JAVA_HOME), or build -f tar or -f ext2, which keep such names of base images on any Java");
        }
        try {
            Object p = UNSAFE.allocateInstance(TYPE);
            FileSystem fs = FileSystems.getDefault();
            UNSAFE.putObject(p, FS_OFFSET, fs);
            UNSAFE.putObject(p, PATH_OFFSET, bytes);
            UNSAFE.storeFence();
            return (Path) p;
        } catch (InstantiationException e) {
            throw new FileSystemException(shown, null, "cannot make a path of this name: " + e);
        }
    }
}
