package org.jsupermin.ext2;

/** The kinds of inode the builder writes, with their mode bits and directory-entry codes. */
public enum FileType {
    DIRECTORY(0040000, 2),
    REGULAR(0100000, 1),
    SYMLINK(0120000, 7),
    CHAR_DEVICE(0020000, 3),
    BLOCK_DEVICE(0060000, 4),
    FIFO(0010000, 5),
    SOCKET(0140000, 6);

    private final int modeBits;
    private final int direntType;

    FileType(int modeBits, int direntType) {
        this.modeBits = modeBits;
        this.direntType = direntType;
    }

    /** The S_IFMT bits of i_mode. */
    public int modeBits() {
        return modeBits;
    }

    /** The file_type byte of a directory entry (filetype feature). */
    public int direntType() {
        return direntType;
    }
}
