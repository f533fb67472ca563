package org.jsupermin.format;

/** What a format's {@code -o} names. */
public enum OutputShape {
    /** A directory tree (chroot). */
    DIRECTORY,
    /** One regular file (tar). */
    FILE,
    /** A directory holding the files the format names (ext2: kernel, initrd, root). */
    FILES;

    /** Whether the output is a directory, which a build may replace only by a directory. */
    public boolean isDirectory() {
        return this != FILE;
    }
}
