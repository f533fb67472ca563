package org.jsupermin.host;

import java.lang.reflect.Field;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * The fields of the JDK's lstat result ({@code sun.nio.fs.UnixFileAttributes}), read in place.
 * The "unix:" attribute view answers the same, but parses the attribute names and boxes every
 * value into a new map at each call, for each of the thousands of files of a package set.
 *
 * <p>The fields are read with {@code sun.misc.Unsafe} (module jdk.unsupported, open to all),
 * which needs no {@code --add-opens}: that option would slow every start of the JVM, as its
 * handling starts the JVM's lambda machinery before {@code main}. From JDK 24 on, Unsafe's
 * memory access warns at its first use (JEP 498), so there the class's fields are read by
 * reflection when the package is opened to this code, and otherwise not at all:
 * {@link #AVAILABLE} is false then, as on a JDK whose class has other fields, and
 * {@link HostStat} uses the attribute view.
 */
final class StatFields {

    /** Whether the fields can be read here. */
    static final boolean AVAILABLE;

    private static final Class<?> TYPE;
    private static final sun.misc.Unsafe UNSAFE;
    /** Offsets of st_mode, st_uid, st_gid, st_dev, st_ino, st_nlink, st_rdev (with {@link #UNSAFE}). */
    private static final long[] OFFSETS = new long[7];
    /** The same fields, accessible (without {@link #UNSAFE}). */
    private static final Field[] FIELDS = new Field[7];

    static {
        Class<?> type = null;
        sun.misc.Unsafe unsafe = null;
        boolean ok;
        try {
            type = Class.forName("sun.nio.fs.UnixFileAttributes");
            String[] names = {"st_mode", "st_uid", "st_gid", "st_dev", "st_ino", "st_nlink", "st_rdev"};
            Class<?>[] types = {int.class, int.class, int.class, long.class, long.class, int.class, long.class};
            ok = true;
            for (int i = 0; i < names.length; i++) {
                FIELDS[i] = type.getDeclaredField(names[i]);
                ok &= FIELDS[i].getType() == types[i];
            }
            if (ok && Runtime.version().feature() < 24) {
                Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                theUnsafe.setAccessible(true);
                unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
                for (int i = 0; i < names.length; i++) {
                    OFFSETS[i] = unsafe.objectFieldOffset(FIELDS[i]);
                }
            } else if (ok) {
                for (Field f : FIELDS) {
                    f.setAccessible(true); // InaccessibleObjectException unless opened to us
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            ok = false;
            unsafe = null;
        }
        AVAILABLE = ok;
        TYPE = type;
        UNSAFE = unsafe;
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
        long mtime = a.lastModifiedTime().toMillis() / 1000;
        if (UNSAFE != null) {
            sun.misc.Unsafe u = UNSAFE;
            long[] o = OFFSETS;
            return new HostStat(u.getInt(a, o[0]), u.getInt(a, o[1]), u.getInt(a, o[2]), a.size(), mtime,
                    u.getLong(a, o[3]), u.getLong(a, o[4]), u.getInt(a, o[5]), u.getLong(a, o[6]));
        }
        try {
            Field[] f = FIELDS;
            return new HostStat(f[0].getInt(a), f[1].getInt(a), f[2].getInt(a), a.size(), mtime,
                    f[3].getLong(a), f[4].getLong(a), f[5].getInt(a), f[6].getLong(a));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e); // made accessible in the static initializer
        }
    }
}
