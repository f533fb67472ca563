package org.jsupermin.ext2;

import java.util.ArrayList;
import java.util.List;

import org.jsupermin.util.FileNames;

/** One name added to the builder, and what planning decides for it (parent, inode, links). */
final class Node {

    final String path;
    final FileType type;
    final InodeAttributes attrs;
    final long size;
    final ContentSupplier content;
    final String target;
    final int major;
    final int minor;
    /** For a hard link: the path it names again; null otherwise. */
    final String linkTo;

    Node parent;
    final List<Node> children = new ArrayList<>();
    /** The node holding the inode: this one, or the hard link's ultimate target. */
    Node owner;
    int ino;
    int links;
    /** The in-inode xattr area, or null. */
    byte[] xattrInline;
    /** Index into the plan's shared xattr blocks, or -1. */
    int xattrBlock = -1;

    Node(String path, FileType type, InodeAttributes attrs, long size, ContentSupplier content, String target,
         int major, int minor, String linkTo) {
        this.path = path;
        this.type = type;
        this.attrs = attrs;
        this.size = size;
        this.content = content;
        this.target = target;
        this.major = major;
        this.minor = minor;
        this.linkTo = linkTo;
    }

    /** A hard link to another name. */
    static Node link(String path, String existing) {
        return new Node(path, null, null, 0, null, null, 0, 0, existing);
    }

    boolean isLink() {
        return linkTo != null;
    }

    /** The last path component's bytes (UTF-8, escaped bytes as they were). */
    byte[] name() {
        return FileNames.encode(path.substring(path.lastIndexOf('/') + 1));
    }

    /** The parent's path; null for the root. */
    String parentPath() {
        if (path.equals("/")) {
            return null;
        }
        int i = path.lastIndexOf('/');
        return i == 0 ? "/" : path.substring(0, i);
    }

    /** The slow symlink's or fast symlink's target bytes. */
    byte[] targetBytes() {
        return FileNames.encode(target);
    }

    /** Whether this symlink's target is kept in i_block (under 60 bytes). */
    boolean isFastSymlink() {
        return type == FileType.SYMLINK && targetBytes().length < 60;
    }
}
