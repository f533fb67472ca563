package org.jsupermin.packages;

/**
 * File attributes a package database records (rpm, pacman's mtree, apk), used where the root's
 * own copy is missing or to cross-check it.
 *
 * @param mode st_mode bits including the file type bits (S_IFREG|0755 = 0100755)
 * @param uid numeric owner, or -1 if unknown
 * @param gid numeric group, or -1 if unknown
 * @param linkTarget symlink target, or null
 * @param size size in bytes, or -1 if unknown
 */
public record FileMetadata(int mode, int uid, int gid, String linkTarget, long size) {
}
