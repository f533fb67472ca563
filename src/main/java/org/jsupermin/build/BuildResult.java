package org.jsupermin.build;

import java.nio.file.Path;
import java.util.List;

import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.resolve.Resolution;
import org.jsupermin.tree.SizeReport;

/**
 * What a build did.
 *
 * @param output the output written or found up to date; null for a stream or when nothing was
 *     written
 * @param format the format's name
 * @param resolution the resolved packages; null when {@code --if-newer} found the output up to
 *     date without resolving
 * @param files regular files in the appliance (0 when it was not assembled)
 * @param bytes bytes of content in the appliance (0 likewise)
 * @param upToDate whether {@code --if-newer} found the output up to date (nothing written)
 * @param sizes the bytes per package and per exclusion rule, when asked for and assembled; else null
 * @param elapsedNanos the build's time, from when it held its lock
 */
public record BuildResult(Path output, String format, Resolution resolution, long files, long bytes,
                          boolean upToDate, SizeReport sizes, long elapsedNanos) {

    /** The packages in the appliance, in closure order; empty when not resolved. */
    public List<InstalledPackage> packages() {
        return resolution == null ? List.of() : resolution.closure();
    }
}
