package org.jsupermin.format;

import org.jsupermin.tar.TarMember;
import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;

/** Maps appliance entries to tar members: names, type flags and link names. */
final class TarMembers {

    private TarMembers() {
    }

    /** The member name of an absolute appliance path: "/" is "./", directories end in "/". */
    static String memberName(String path, boolean directory) {
        if (path.equals("/")) {
            return "./";
        }
        return "." + path + (directory ? "/" : "");
    }

    /** The tar member for an entry, or null for a socket, which tar cannot hold. */
    static TarMember of(TreeEntry e) {
        long uid = Integer.toUnsignedLong(e.uid());
        long gid = Integer.toUnsignedLong(e.gid());
        String name = memberName(e.path(), e.type() == EntryType.DIRECTORY);
        return switch (e.type()) {
            case DIRECTORY -> new TarMember(name, '5', e.mode(), uid, gid, e.mtime(), 0, null, 0, 0, e.xattrs());
            case FILE -> e.isHardLinkToEarlier()
                    ? new TarMember(name, '1', e.mode(), uid, gid, e.mtime(), 0,
                            memberName(e.hardLinkGroup(), false), 0, 0, null)
                    : new TarMember(name, '0', e.mode(), uid, gid, e.mtime(), e.size(), null, 0, 0, e.xattrs());
            case SYMLINK -> new TarMember(name, '2', e.mode(), uid, gid, e.mtime(), 0, e.linkTarget(), 0, 0,
                    e.xattrs());
            case CHAR_DEVICE -> new TarMember(name, '3', e.mode(), uid, gid, e.mtime(), 0, null,
                    e.devMajor(), e.devMinor(), e.xattrs());
            case BLOCK_DEVICE -> new TarMember(name, '4', e.mode(), uid, gid, e.mtime(), 0, null,
                    e.devMajor(), e.devMinor(), e.xattrs());
            case FIFO -> new TarMember(name, '6', e.mode(), uid, gid, e.mtime(), 0, null, 0, 0, e.xattrs());
            case SOCKET -> null;
        };
    }
}
