package org.jsupermin.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.jsupermin.ext2.Ext2Exception;
import org.jsupermin.format.kernel.InitrdWriter;
import org.jsupermin.format.kernel.Kernel;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.Reporter;
import org.jsupermin.util.Threads;

/**
 * {@code -f ext2}: supermin's appliance directory holding {@code kernel} (a symlink to the host's
 * kernel, or a copy with --copy-kernel), {@code initrd} (modules to reach the root disk and a
 * small /init) and {@code root} (a sparse ext2 image of the tree).
 */
public final class Ext2Format implements OutputFormat {

    private final Kernel kernel;
    private final Ext2Prelude prelude;

    /** @param kernel the kernel chosen for the appliance; its modules are already in the tree */
    public Ext2Format(Kernel kernel) {
        this(kernel, null);
    }

    /**
     * @param kernel the kernel chosen for the appliance; its modules are already in the tree
     * @param prelude the modules' contents and the initrd, started in the staging directory
     *     this format is then asked to write; or null
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
        long timestamp = timestamp(tree, options);
        if (prelude != null && prelude.timestamp() == timestamp) {
            writeAfterPrelude(tree, options, staging, timestamp);
            return;
        }
        if (prelude != null) {
            prelude.cancel();
            org.jsupermin.util.FileTrees.deleteRecursively(staging);
        }
        Files.createDirectory(staging);
        linkKernel(options, staging);
        Reporter reporter = options.reporter() == null ? Reporter.SILENT : options.reporter();
        reporter.info(1, "kernel " + kernel.version() + " (" + kernel.image() + ")");
        // the initrd (compressing modules) and the root image (copying files) use different resources
        FutureTask<Void> initrd = new FutureTask<>(() -> {
            new InitrdWriter(timestamp).write(kernel, staging.resolve("initrd"));
            return null;
        });
        Thread initrdThread = new Thread(initrd, "initrd");
        initrdThread.start();
        try {
            Ext2RootImage.write(tree, options.sizeBytes(), timestamp, staging.resolve("root"), reporter);
        } catch (Ext2Exception e) {
            throw new FormatException(e.getMessage(), e);
        } finally {
            Threads.joinUninterruptibly(initrdThread);
        }
        try {
            initrd.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof FormatException f) {
                throw f;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the initrd", e);
        }
    }

    /** The kernel link, then the root image around the modules already copied; the initrd is the prelude's. */
    private void writeAfterPrelude(ApplianceTree tree, FormatOptions options, Path staging, long timestamp)
            throws IOException, FormatException {
        linkKernel(options, staging);
        Reporter reporter = options.reporter() == null ? Reporter.SILENT : options.reporter();
        reporter.info(1, "kernel " + kernel.version() + " (" + kernel.image() + ")");
        try {
            Ext2RootImage.write(tree, options.sizeBytes(), timestamp, staging.resolve("root"), reporter, prelude.preload());
        } catch (Ext2Exception e) {
            throw new FormatException(e.getMessage(), e);
        } finally {
            prelude.cancel();
        }
        prelude.awaitInitrd();
    }

    private void linkKernel(FormatOptions options, Path staging) throws IOException {
        Path kernelOut = staging.resolve("kernel");
        if (options.copyKernel()) {
            Files.copy(kernel.image(), kernelOut, StandardCopyOption.COPY_ATTRIBUTES);
        } else {
            Files.createSymbolicLink(kernelOut, kernel.image().toAbsolutePath());
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
