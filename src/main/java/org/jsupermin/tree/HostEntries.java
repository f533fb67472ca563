package org.jsupermin.tree;

import java.nio.file.Path;

import org.jsupermin.host.HostStat;
import org.jsupermin.host.HostTreeWalk;

/** The tree entries of host files: what an lstat (and a symlink's target) says, at an appliance path. */
public final class HostEntries {

    private HostEntries() {
    }

    /**
     * The entry for the host file {@code host} at {@code appliancePath}; a regular file's content
     * is read from the host when the appliance is written.
     *
     * @param linkTarget the symlink's target, already read; null for anything else
     */
    public static TreeEntry of(HostStat st, String appliancePath, Path host, String linkTarget) {
        EntryType type = EntryType.fromMode(st.mode());
        ContentSource source = type == EntryType.FILE ? new ContentSource.HostFile(host) : null;
        long size = type == EntryType.FILE ? st.size() : 0;
        boolean device = type == EntryType.CHAR_DEVICE || type == EntryType.BLOCK_DEVICE;
        return new TreeEntry(appliancePath, type, st.mode(), st.uid(), st.gid(), st.mtime(), size, linkTarget, null,
                device ? st.major() : 0, device ? st.minor() : 0, null, source);
    }

    /** The entry of a name found by a {@link HostTreeWalk}, at the appliance path it was found at. */
    public static TreeEntry of(HostTreeWalk.Walked w) {
        return of(w.stat(), w.path(), w.host(), w.linkTarget());
    }
}
