package org.jsupermin.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jsupermin.ext2.Ext2Exception;
import org.jsupermin.format.kernel.Kernel;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.util.Reporter;

/**
 * {@code -f ext2}: supermin's appliance directory holding {@code kernel} (a symlink to the host's
 * kernel, or a copy with --copy-kernel), {@code initrd} (modules to reach the root disk and a
 * small /init) and {@code root} (a sparse ext2 image of the tree). The {@link Ext2Prelude} has
 * written the initrd and copied most contents into the image meanwhile; this finishes the image.
 */
public final class Ext2Format implements OutputFormat {

    private final Kernel kernel;
    private final Ext2Prelude prelude;

    /**
     * @param kernel the kernel chosen for the appliance; its modules are already in the tree
     * @param prelude the modules' contents and the initrd, started in the staging directory
     *     this format is then asked to write, with the image's timestamp
     */
    public Ext2Format(Kernel kernel, Ext2Prelude prelude) {
        this.kernel = kernel;
        this.prelude = prelude;
    }

    @Override
    public String name() {
        return "ext2";
    }

    @Override
    public void write(ApplianceTree tree, FormatOptions options, Path staging) throws IOException, FormatException {
        Path kernelOut = staging.resolve("kernel");
        if (options.copyKernel()) {
            Files.copy(kernel.image(), kernelOut, StandardCopyOption.COPY_ATTRIBUTES);
        } else {
            Files.createSymbolicLink(kernelOut, kernel.image().toAbsolutePath());
        }
        Reporter reporter = options.reporter() == null ? Reporter.SILENT : options.reporter();
        reporter.info(1, "kernel " + kernel.version() + " (" + kernel.image() + ")");
        try {
            Ext2RootImage.write(tree, options.sizeBytes(), prelude.timestamp(), staging.resolve("root"), reporter,
                    prelude.preload());
        } catch (Ext2Exception e) {
            throw new FormatException(e.getMessage(), e);
        } finally {
            prelude.cancel();
        }
        prelude.awaitInitrd();
    }
}
