package org.jsupermin.manifest;

/** What a file of a supermin appliance is, decided by its (decompressed) content. */
public enum InputKind {
    /** Starts with a letter or digit: package names, one per line. */
    PACKAGES,
    /** Starts with '/': host paths, shell wildcards allowed. */
    HOSTFILES,
    /** Starts with '-': fnmatch patterns of paths to leave out. */
    EXCLUDEFILES,
    /** A tar archive: a base image unpacked into the appliance. */
    BASE_IMAGE,
    /** Empty: ignored. */
    EMPTY;

    /** Classifies decompressed content by its first bytes; null when it is none of the kinds. */
    public static InputKind sniff(byte[] head, int length) {
        if (length == 0) {
            return EMPTY;
        }
        if (length >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't'
                && head[260] == 'a' && head[261] == 'r') {
            return BASE_IMAGE;
        }
        if (length == 512 && allZero(head)) {
            return BASE_IMAGE; // an empty tar: just the end-of-archive blocks (prepare with no config files)
        }
        int c = head[0] & 0xff;
        if (c == '/') {
            return HOSTFILES;
        }
        if (c == '-') {
            return EXCLUDEFILES;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return PACKAGES;
        }
        return null;
    }

    private static boolean allZero(byte[] head) {
        for (byte b : head) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
