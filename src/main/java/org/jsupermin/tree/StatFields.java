package org.jsupermin.tree;

import java.lang.reflect.Field;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * The fields of the JDK's lstat result ({@code sun.nio.fs.UnixFileAttributes}), read in place.
 * The "unix:" attribute view answers the same, but parses the attribute names and boxes every
 * value into a new map at each call: for the 6,000 files of a package set, 20 ms of a fresh
 * JVM's CPU (measured, JDK 17). Reading the fields needs the package opened to this code, which
 * jsupermin's jar asks for ({@code Add-Opens: java.base/sun.nio.fs}); without it, or on a JDK
 * whose class has other fields, {@link #AVAILABLE} is false and the attribute view is used.
 */
final class StatFields {

    /** Whether the fields can be read here. */
    static final boolean AVAILABLE;

    private static final Class<?> TYPE;
    private static final Field MODE;
    private static final Field UID;
    private static final Field GID;
    private static final Field DEV;
    private static final Field INO;
    private static final Field NLINK;
    private static final Field RDEV;

    static {
        Class<?> type = null;
        Field[] f = new Field[7];
        boolean ok;
        try {
            type = Class.forName("sun.nio.fs.UnixFileAttributes");
            String[] names = {"st_mode", "st_uid", "st_gid", "st_dev", "st_ino", "st_nlink", "st_rdev"};
            Class<?>[] types = {int.class, int.class, int.class, long.class, long.class, int.class, long.class};
            ok = true;
            for (int i = 0; i < names.length; i++) {
                f[i] = type.getDeclaredField(names[i]);
                ok &= f[i].getType() == types[i];
                f[i].setAccessible(true);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            ok = false; // not opened to us (InaccessibleObjectException), or another JDK's class
        }
        AVAILABLE = ok;
        TYPE = type;
        MODE = f[0];
        UID = f[1];
        GID = f[2];
        DEV = f[3];
        INO = f[4];
        NLINK = f[5];
        RDEV = f[6];
    }

    private StatFields() {
    }

    /**
     * The lstat in {@code a}, the JDK's own result object (size and mtime through its public
     * methods, as the attribute view reads them).
     *
     * @throws IllegalArgumentException when {@code a} is another class's (another file system)
     */
    static HostStat read(PosixFileAttributes a) {
        if (a.getClass() != TYPE) {
            throw new IllegalArgumentException(a.getClass().getName());
        }
        try {
            return new HostStat(MODE.getInt(a), UID.getInt(a), GID.getInt(a), a.size(),
                    a.lastModifiedTime().toMillis() / 1000, DEV.getLong(a), INO.getLong(a), NLINK.getInt(a), RDEV.getLong(a));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e); // setAccessible succeeded
        }
    }
}
