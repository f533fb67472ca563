package org.jsupermin.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.Reporter;

/**
 * The project's tar writing for other outputs that hold tar streams (an image's layers): the
 * same members, headers and bytes as {@code -f tar} writes for the same entries.
 */
public final class TarStreams {

    private TarStreams() {
    }

    /**
     * Writes {@code entries}, which must be in tree order with every hard link after the first
     * member of its group, as one archive to {@code out} (flushed, not closed).
     */
    public static void write(List<TreeEntry> entries, Reporter reporter, OutputStream out)
            throws IOException, FormatException {
        TarPipeline.write(entries, reporter == null ? Reporter.SILENT : reporter, out, null);
    }
}
