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
    /** The times with their nanoseconds, for a file's identity ({@link FileIdentity}). */
    private static final String[] TIME_NAMES = {"st_mtime_sec", "st_mtime_nsec", "st_ctime_sec", "st_ctime_nsec"};
    private static final long[] TIME_OFFSETS = new long[4];
    private static final Field[] TIME_FIELDS = new Field[4];

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
            for (int i = 0; i < TIME_NAMES.length; i++) {
                TIME_FIELDS[i] = type.getDeclaredField(TIME_NAMES[i]);
                ok &= TIME_FIELDS[i].getType() == long.class;
            }
            if (ok && Runtime.version().feature() < 24) {
                Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                theUnsafe.setAccessible(true);
                unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
                for (int i = 0; i < names.length; i++) {
                    OFFSETS[i] = unsafe.objectFieldOffset(FIELDS[i]);
                }
                for (int i = 0; i < TIME_NAMES.length; i++) {
                    TIME_OFFSETS[i] = unsafe.objectFieldOffset(TIME_FIELDS[i]);
                }
            } else if (ok) {
                for (Field f : FIELDS) {
                    f.setAccessible(true); // InaccessibleObjectException unless opened to us
                }
                for (Field f : TIME_FIELDS) {
                    f.setAccessible(true);
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

    /**
     * The identity in {@code a}, the JDK's own result object.
     *
     * @throws IllegalArgumentException when {@code a} is another class's (another file system)
     */
    static FileIdentity identity(PosixFileAttributes a) {
        if (a.getClass() != TYPE) {
            throw new IllegalArgumentException(a.getClass().getName());
        }
        if (UNSAFE != null) {
            sun.misc.Unsafe u = UNSAFE;
            long[] t = TIME_OFFSETS;
            return new FileIdentity(u.getLong(a, OFFSETS[3]), u.getLong(a, OFFSETS[4]), a.size(), u.getLong(a, t[0]),
                    u.getLong(a, t[1]), u.getLong(a, t[2]), u.getLong(a, t[3]));
        }
        try {
            Field[] t = TIME_FIELDS;
            return new FileIdentity(FIELDS[3].getLong(a), FIELDS[4].getLong(a), a.size(), t[0].getLong(a),
                    t[1].getLong(a), t[2].getLong(a), t[3].getLong(a));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e); // made accessible in the static initializer
        }
    }
}
