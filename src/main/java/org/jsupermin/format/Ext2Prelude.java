package org.jsupermin.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

import org.jsupermin.ext2.ContentPreload;
import org.jsupermin.format.kernel.InitrdWriter;
import org.jsupermin.format.kernel.Kernel;
import org.jsupermin.host.HostTreeWalk;
import org.jsupermin.format.kernel.KernelException;
import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.ExcludeRules;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.tree.TreeInputs;
import org.jsupermin.util.Threads;

/**
 * The part of an ext2 build that needs no package tree, started as soon as the kernel is known
 * and run on background threads while the packages are resolved and their tree assembled: the
 * kernel's modules are walked and their contents copied into the root image, then the packages'
 * files as soon as the tree has found them (most of the image's bytes, copied while the rest of
 * the tree and its layout are worked out), and the initrd is written. {@link Ext2Format} then
 * finishes the image around them.
 */
public final class Ext2Prelude {

    /** The end of the walk, for the copying thread. */
    private static final HostTreeWalk.Walked END = new HostTreeWalk.Walked(null, null, null, null, false);

    private final Path staging;
    private final long timestamp;
    private final CompletableFuture<List<HostTreeWalk.Walked>> walked = new CompletableFuture<>();
    private final CompletableFuture<ContentPreload> preload = new CompletableFuture<>();
    private final CompletableFuture<Void> initrd = new CompletableFuture<>();
    private final CompletableFuture<List<TreeEntry>> packageFiles = new CompletableFuture<>();
    /** The appliance's excludefiles patterns: excluded package files are not copied. */
    private final CompletableFuture<List<String>> excludes = new CompletableFuture<>();
    private final Thread modulesThread;
    private final Thread initrdThread;
    private volatile boolean cancelled;

    private Ext2Prelude(Kernel kernel, Path staging, long sizeBytes, long timestamp) {
        this.staging = staging;
        this.timestamp = timestamp;
        String appliancePath = "/lib/modules/" + kernel.version();
        modulesThread = new Thread(() -> placeModules(kernel, appliancePath, sizeBytes), "modules");
        initrdThread = new Thread(() -> {
            try {
                new InitrdWriter(timestamp).write(kernel, staging.resolve("initrd"));
                initrd.complete(null);
            } catch (Throwable e) {
                initrd.completeExceptionally(e);
            }
        }, "initrd");
        modulesThread.setDaemon(true);
        initrdThread.setDaemon(true);
        // needed only at the end: behind the copying and the tree (where priorities count, see the copier)
        initrdThread.setPriority(Thread.MIN_PRIORITY);
    }

    /**
     * Creates the output directory {@code staging} and starts the work on {@code kernel}.
     *
     * @param timestamp the mtime of the initrd's entries and the timestamp of the image
     *     (SOURCE_DATE_EPOCH, or the build's fixed default)
     */
    public static Ext2Prelude start(Kernel kernel, Path staging, long sizeBytes, long timestamp) throws IOException {
        Files.createDirectory(staging);
        Ext2Prelude p = new Ext2Prelude(kernel, staging, sizeBytes, timestamp);
        p.modulesThread.start();
        p.initrdThread.start();
        return p;
    }

    /**
     * Walks the modules (publishing the list for the tree as soon as it is complete) while
     * another thread copies each file found, in the walk's order, so that copying starts at once.
     */
    private void placeModules(Kernel kernel, String appliancePath, long sizeBytes) {
        BlockingQueue<HostTreeWalk.Walked> queue = new LinkedBlockingQueue<>();
        Thread copier = new Thread(() -> copyModules(sizeBytes, queue), "modules-copy");
        copier.setDaemon(true);
        // the copying is the build's longest chain of work: ahead of the rest when the JVM maps
        // Java priorities to nice values (the launcher asks for it when run as root)
        copier.setPriority(Thread.MAX_PRIORITY);
        copier.start();
        try {
            walked.complete(HostTreeWalk.walk(kernel.modulesDir(), appliancePath, queue::add));
        } catch (Throwable e) {
            walked.completeExceptionally(e);
        } finally {
            queue.add(END);
        }
        Threads.joinUninterruptibly(copier);
    }

    private void copyModules(long sizeBytes, BlockingQueue<HostTreeWalk.Walked> queue) {
        ContentPreload image = null;
        try {
            image = ContentPreload.start(staging.resolve("root"), sizeBytes);
            // every module goes in: excludefiles apply to the packages' files only
            for (HostTreeWalk.Walked w = queue.take(); w != END; w = queue.take()) {
                if (cancelled && image != null) {
                    image.cancel();
                }
                if (image != null && w.stat().isRegularFile() && w.readable() && w.stat().nlink() == 1) {
                    // hard-linked files are left to the tree, which writes them once for all names
                    image.place(w.host(), w.stat().size());
                }
            }
            // then the packages' files, as soon as the tree has found them: their blocks are
            // placed at once, so that the writer can start, and their bytes copied meanwhile
            ExcludeRules rules = new ExcludeRules(excludes.join(), new TreeMap<>());
            for (TreeEntry e : packageFiles.join()) {
                if (cancelled || image == null) {
                    break;
                }
                if (rules.match(e.path()) == null && e.source() instanceof ContentSource.HostFile h) {
                    image.reserve(h.path(), e.size());
                }
            }
            preload.complete(image);
            if (image != null) {
                image.copyReserved();
            }
        } catch (Throwable e) {
            if (image != null) {
                image.cancel();
            }
            preload.completeExceptionally(e);
        }
    }

    /**
     * Gives the appliance's excludefiles patterns, once its files are read (the work starts
     * before): the packages' files they exclude are not copied (the kernel's modules all are).
     */
    public void excludes(List<String> patterns) {
        excludes.complete(List.copyOf(patterns));
    }

    /**
     * Takes the packages' regular files as the tree finds them (see
     * {@link TreeInputs#packageFilesFound}), to copy them after the modules.
     */
    public void packageFilesFound(List<TreeEntry> files) {
        packageFiles.complete(List.copyOf(files));
    }

    /** The modules as an extra tree for the assembly, which waits for the walk when it gets to them. */
    public TreeInputs.ExtraTree modules(Kernel kernel) {
        return new TreeInputs.ExtraTree(kernel.modulesDir(), walked);
    }

    /** The root image with the modules' contents in it, once they are copied. */
    Future<ContentPreload> preload() {
        return preload;
    }

    /** The image handed to the writer, or null (not yet, none, or placing failed). */
    private ContentPreload handedOver() {
        return preload.isDone() && !preload.isCompletedExceptionally() ? preload.join() : null;
    }

    /** Waits for the initrd and rethrows its failure. */
    void awaitInitrd() throws IOException, FormatException {
        try {
            Threads.await(initrd, KernelException.class, "the initrd");
        } catch (KernelException e) {
            throw new FormatException(e.getMessage(), e);
        }
    }

    /** The timestamp of the initrd's entries, which the image takes too. */
    long timestamp() {
        return timestamp;
    }

    /**
     * Stops copying, waits for both threads and closes the image file (the writer may have
     * taken it over already): after the image is written, or after a failure elsewhere.
     */
    public void cancel() {
        cancelled = true;
        excludes.complete(List.of());
        packageFiles.complete(List.of());
        ContentPreload placing = handedOver();
        if (placing != null) {
            placing.cancel();
        }
        Threads.joinUninterruptibly(modulesThread);
        Threads.joinUninterruptibly(initrdThread);
        ContentPreload image = handedOver();
        if (image != null) {
            try {
                image.close();
            } catch (IOException e) {
                // nothing was lost: the image was finished and closed, or is being thrown away
            }
        }
    }
}
