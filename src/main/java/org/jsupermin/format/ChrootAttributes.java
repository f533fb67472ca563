package org.jsupermin.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Base64;
import java.util.Map;

import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.FileNames;

/** Applies an entry's owner, mode, mtime and extended attributes to a path in a chroot. */
final class ChrootAttributes {

    private static final String USER_PREFIX = "user.";

    private final boolean root;

    /** {@code root}: whether the process may change owners and set privileged attributes. */
    ChrootAttributes(boolean root) {
        this.root = root;
    }

    boolean root() {
        return root;
    }

    /**
     * Owner (when root) first, since chown clears setuid and setgid; then the mode with its
     * setuid/setgid/sticky bits (not for symlinks); then the mtime.
     */
    void apply(TreeEntry e, Path p) throws IOException {
        boolean link = e.type() == EntryType.SYMLINK;
        if (root) {
            Files.setAttribute(p, "unix:uid", e.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", e.gid(), LinkOption.NOFOLLOW_LINKS);
        }
        if (!link) {
            Files.setAttribute(p, "unix:mode", e.mode(), LinkOption.NOFOLLOW_LINKS);
        }
        setMtime(p, e.mtime(), link);
    }

    /** Sets the mtime, never through a symlink; symlinks get theirs where the platform allows it. */
    static void setMtime(Path p, long mtime, boolean link) throws IOException {
        FileTime t = FileTime.fromMillis(mtime * 1000);
        if (!link) {
            Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(t, null, null);
            return;
        }
        try {
            Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(t, null, null);
        } catch (IOException | UnsupportedOperationException ignored) {
            // some platforms cannot time a symlink itself; the link still works
        }
    }

    /** Sets {@code user.*} attributes directly; the caller handles the other namespaces. */
    static void applyUserXattrs(TreeEntry e, Path p) throws IOException {
        UserDefinedFileAttributeView view = null;
        for (Map.Entry<String, byte[]> x : e.xattrs().entrySet()) {
            if (!x.getKey().startsWith(USER_PREFIX)) {
                continue;
            }
            if (view == null) {
                view = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            }
            view.write(x.getKey().substring(USER_PREFIX.length()), ByteBuffer.wrap(x.getValue()));
        }
    }

    /** Whether an attribute must be set by {@code setfattr} (namespaces other than user.). */
    static boolean needsSetfattr(String name) {
        return !name.startsWith(USER_PREFIX);
    }

    /**
     * One entry's block in {@code setfattr --restore} format: {@code "# file: <path>"}, then
     * {@code name=0s<base64>} per attribute, then a blank line. Paths are relative to the
     * chroot and escaped as {@code \ooo} where getfattr would escape them.
     */
    static void appendRestoreBlock(StringBuilder sb, TreeEntry e, Iterable<Map.Entry<String, byte[]>> xattrs) {
        sb.append("# file: ").append(escape("." + e.path())).append('\n');
        for (Map.Entry<String, byte[]> x : xattrs) {
            sb.append(escape(x.getKey())).append("=0s").append(Base64.getEncoder().encodeToString(x.getValue()))
                    .append('\n');
        }
        sb.append('\n');
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : FileNames.encode(s)) {
            int c = b & 0xff;
            if (c <= ' ' || c >= 0x7f || c == '\\' || c == '=') {
                sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
