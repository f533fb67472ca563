package org.jsupermin.format;

import java.io.IOException;
import java.nio.file.Path;

import org.jsupermin.tree.ApplianceTree;

/**
 * One {@code --format} value. A format writes the tree into a staging path beside the final
 * output; the caller renames it into place, so a format never touches the previous output.
 */
public interface OutputFormat {

    /** "chroot", "ext2", "tar". */
    String name();

    /**
     * Writes the appliance to {@code staging}, which does not exist yet: a directory for chroot
     * and ext2, a file for tar.
     */
    void write(ApplianceTree tree, FormatOptions options, Path staging) throws IOException, FormatException;
}
