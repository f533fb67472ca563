package org.jsupermin.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jsupermin.ext2.Ext2Exception;
import org.jsupermin.format.kernel.InitrdWriter;
import org.jsupermin.format.kernel.Kernel;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.TreeEntry;

/**
 * {@code -f ext2}: supermin's appliance directory holding {@code kernel} (a symlink to the host's
 * kernel, or a copy with --copy-kernel), {@code initrd} (modules to reach the root disk and a
 * small /init) and {@code root} (a sparse ext2 image of the tree).
 */
public final class Ext2Format implements OutputFormat {

    private final Kernel kernel;

    /** @param kernel the kernel chosen for the appliance; its modules are already in the tree */
    public Ext2Format(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public String name() {
        return "ext2";
    }

    @Override
    public void write(ApplianceTree tree, FormatOptions options, Path staging) throws IOException, FormatException {
        Files.createDirectory(staging);
        long timestamp = timestamp(tree, options);
        Path kernelOut = staging.resolve("kernel");
        if (options.copyKernel()) {
            Files.copy(kernel.image(), kernelOut, StandardCopyOption.COPY_ATTRIBUTES);
        } else {
            Files.createSymbolicLink(kernelOut, kernel.image().toAbsolutePath());
        }
        options.reporter().info(1, "kernel " + kernel.version() + " (" + kernel.image() + ")");
        new InitrdWriter(timestamp).write(kernel, staging.resolve("initrd"));
        try {
            Ext2RootImage.write(tree, options.sizeBytes(), timestamp, staging.resolve("root"));
        } catch (Ext2Exception e) {
            throw new FormatException(e.getMessage(), e);
        }
    }

    /** SOURCE_DATE_EPOCH, else the newest mtime in the tree: the same inputs give the same bytes. */
    private static long timestamp(ApplianceTree tree, FormatOptions options) {
        if (options.sourceDateEpoch() != null) {
            return options.sourceDateEpoch();
        }
        long max = 0;
        for (TreeEntry e : tree.entries()) {
            max = Math.max(max, e.mtime());
        }
        return max;
    }
}
