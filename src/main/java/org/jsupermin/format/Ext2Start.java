package org.jsupermin.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.jsupermin.format.kernel.Kernel;
import org.jsupermin.format.kernel.KernelException;
import org.jsupermin.format.kernel.KernelLocator;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.tree.TreeInputs;

/**
 * An ext2 build's early start: the kernel, chosen before anything else is read since it needs no
 * package, and once the build will write, the {@link Ext2Prelude} copying its modules into the
 * image while the appliance is read, resolved and assembled.
 */
final class Ext2Start implements EarlyStart {

    private final KernelLocator locator;
    private final Kernel kernel;
    private final long sizeBytes;
    private final long timestamp;
    private Ext2Prelude prelude;
    private List<String> excludes;
    private boolean closed;

    Ext2Start(KernelLocator locator, Kernel kernel, long sizeBytes, Long timestamp) {
        this.locator = locator;
        this.kernel = kernel;
        this.sizeBytes = sizeBytes;
        this.timestamp = timestamp == null ? 0 : timestamp;
    }

    Kernel kernel() {
        return kernel;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    Ext2Prelude prelude() {
        return prelude;
    }

    /** The kernel's version, and its image's identity: too big to read at every build. */
    @Override
    public List<StampInput> stampInputs() {
        return List.of(new StampInput("kernel", kernel.version(), null),
                new StampInput("kernel-image", kernel.image().toAbsolutePath().normalize().toString(), kernel.image()));
    }

    @Override
    public List<Path> watchedPaths() throws FormatException {
        try {
            return locator.watchedPaths(kernel);
        } catch (KernelException e) {
            throw new FormatException(e.getMessage(), e);
        }
    }

    /**
     * Starts the prelude in the staging directory. From then on the tree's work (this thread and
     * the threads it starts, which inherit its priority) yields to the copying: that is the build's
     * longest chain, and the tree is needed only when it ends. Priorities count only where the JVM
     * maps them to nice values (the launcher asks for it when run as root); the build restores this
     * thread's priority when it ends.
     */
    @Override
    public void begin(Path staging) throws IOException {
        prelude = Ext2Prelude.start(kernel, staging, sizeBytes, timestamp);
        if (excludes != null) {
            prelude.excludes(excludes);
        }
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
    }

    @Override
    public boolean begun() {
        return prelude != null;
    }

    @Override
    public void excludes(List<String> patterns) {
        excludes = List.copyOf(patterns);
        if (prelude != null) {
            prelude.excludes(excludes);
        }
    }

    /** The kernel's modules, being walked by the prelude. */
    @Override
    public List<TreeInputs.ExtraTree> extraTrees() {
        return prelude == null ? List.of() : List.of(prelude.modules(kernel));
    }

    @Override
    public Consumer<List<TreeEntry>> packageFilesFound() {
        return prelude == null ? null : prelude::packageFilesFound;
    }

    @Override
    public void close() {
        if (!closed && prelude != null) {
            closed = true;
            prelude.cancel();
        }
    }
}
