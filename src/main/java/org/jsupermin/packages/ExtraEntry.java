package org.jsupermin.packages;

import java.util.Comparator;
import org.jsupermin.util.PathOrder;

/**
 * An entry a maintainer script would have created: an alternatives symlink, or a generated file
 * such as /etc/passwd from base-passwd's master copy.
 *
 * @param path absolute path in the appliance
 * @param symlinkTarget the link target for a symlink, or null for a regular file
 * @param content the file's bytes for a regular file, or null for a symlink
 * @param mode permission bits for a regular file (07777 mask)
 * @param gid numeric group for a regular file (shadow files are group "shadow")
 * @param requires an absolute path that must be in the appliance for this entry to be added, or null
 */
public record ExtraEntry(String path, String symlinkTarget, byte[] content, int mode, int gid, String requires) {

    /** Extras by path, in {@link PathOrder}. */
    public static final Comparator<ExtraEntry> BY_PATH = Comparator.comparing(ExtraEntry::path, PathOrder.COMPARATOR);

    /** A symlink that only applies when {@code requires} is present. */
    public static ExtraEntry symlink(String path, String target, String requires) {
        return new ExtraEntry(path, target, null, 0777, 0, requires);
    }

    /** A root-owned regular file. */
    public static ExtraEntry file(String path, byte[] content, int mode, int gid) {
        return new ExtraEntry(path, null, content, mode, gid, null);
    }
}
