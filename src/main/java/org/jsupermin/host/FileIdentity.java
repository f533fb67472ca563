package org.jsupermin.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Instant;
import java.util.Map;

/**
 * What tells that a file's content may have changed without reading it: a rewritten file has
 * another size or times, a replaced one another inode, and the change time cannot be set back.
 *
 * @param dev device id
 * @param ino inode number
 * @param size st_size
 * @param mtimeSeconds modification time, seconds since the epoch
 * @param mtimeNanos and its nanoseconds
 * @param ctimeSeconds status change time, seconds since the epoch
 * @param ctimeNanos and its nanoseconds
 */
public record FileIdentity(long dev, long ino, long size, long mtimeSeconds, long mtimeNanos, long ctimeSeconds,
                           long ctimeNanos) {

    /**
     * How long before a file was read a change to it still counts as racy: clocks and the
     * timestamps' granularity could leave a later change with the same identity.
     */
    public static final long RACY_MILLIS = 1000;

    private static final String ATTRS = "unix:dev,ino,size,lastModifiedTime,ctime";

    /** The identity of {@code path}, following symbolic links (as reading its content does). */
    public static FileIdentity of(Path path) throws IOException {
        if (StatFields.AVAILABLE) {
            PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class);
            try {
                return StatFields.identity(a);
            } catch (IllegalArgumentException e) {
                // another file system's attributes: read below
            }
        }
        Map<String, Object> a = Files.readAttributes(path, ATTRS);
        Instant mtime = ((FileTime) a.get("lastModifiedTime")).toInstant();
        Instant ctime = ((FileTime) a.get("ctime")).toInstant();
        return new FileIdentity((Long) a.get("dev"), (Long) a.get("ino"), (Long) a.get("size"),
                mtime.getEpochSecond(), mtime.getNano(), ctime.getEpochSecond(), ctime.getNano());
    }

    /** Whether the file was modified or changed at {@code instant} or later. */
    public boolean changedSince(Instant instant) {
        return !Instant.ofEpochSecond(mtimeSeconds, mtimeNanos).isBefore(instant)
                || !Instant.ofEpochSecond(ctimeSeconds, ctimeNanos).isBefore(instant);
    }
}
