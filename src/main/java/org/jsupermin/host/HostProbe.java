package org.jsupermin.host;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.jsupermin.util.RawPaths;

/**
 * What one look at a host file found: its lstat and symlink target, or why it stays out of the
 * appliance. Making one touches nothing shared, so many are made on several threads at once.
 *
 * @param outcome what was found
 * @param stat the lstat, when found
 * @param linkTarget the symlink's target, when found and a symlink
 * @param failure the error to report, when failed
 */
public record HostProbe(Outcome outcome, HostStat stat, String linkTarget, IOException failure) {

    /** What a look at a host file can find. */
    public enum Outcome {
        /** Present and readable: it goes in. */
        FOUND,
        /** Absent (listed by its package but removed on the host): left out silently. */
        ABSENT,
        /** Present but not readable by this process: left out with a warning. */
        UNREADABLE,
        /** Any other error: the build fails with it. */
        FAILED
    }

    /** Looks at {@code host} without following a final symlink; asks access(2) whether a regular file is readable. */
    public static HostProbe of(Path host) {
        HostStat st;
        try {
            st = HostStat.of(host);
        } catch (NoSuchFileException e) {
            return new HostProbe(Outcome.ABSENT, null, null, null);
        } catch (AccessDeniedException e) {
            return new HostProbe(Outcome.UNREADABLE, null, null, null);
        } catch (IOException e) {
            return new HostProbe(Outcome.FAILED, null, null, e);
        }
        if (st.isRegularFile() && !Files.isReadable(host)) {
            return new HostProbe(Outcome.UNREADABLE, null, null, null);
        }
        String target = null;
        if (st.isSymbolicLink()) {
            try {
                target = RawPaths.text(Files.readSymbolicLink(host));
            } catch (IOException e) {
                return new HostProbe(Outcome.FAILED, null, null, e);
            }
        }
        return new HostProbe(Outcome.FOUND, st, target, null);
    }
}
