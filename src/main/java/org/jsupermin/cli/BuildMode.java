package org.jsupermin.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.jsupermin.format.Ext2Format;
import org.jsupermin.format.Ext2Prelude;
import org.jsupermin.format.FormatException;
import org.jsupermin.format.FormatOptions;
import org.jsupermin.format.OutputFormat;
import org.jsupermin.format.TarFormat;
import org.jsupermin.format.ChrootFormat;
import org.jsupermin.format.kernel.Kernel;
import org.jsupermin.format.kernel.KernelLocator;
import org.jsupermin.manifest.Manifest;
import org.jsupermin.manifest.ManifestReader;
import org.jsupermin.packages.AlternativeChoice;
import org.jsupermin.packages.AlternativeGroup;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.drivers.PackageDatabases;
import org.jsupermin.packages.PackageDriver;
import org.jsupermin.resolve.Resolution;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.ApplianceTreeBuilder;
import org.jsupermin.tree.Assembly;
import org.jsupermin.tree.BaseImagePrefetch;
import org.jsupermin.tree.Minimize;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.tree.TreeInputs;
import org.jsupermin.util.AtomicOutput;
import org.jsupermin.util.BuildLock;
import org.jsupermin.util.IoErrors;
import org.jsupermin.util.Sizes;
import org.jsupermin.util.SourceDateEpoch;
import org.jsupermin.util.Threads;

/**
 * {@code --build}: read the supermin appliance, resolve its packages again on this host, assemble
 * the tree and write it in the chosen format, atomically, under the lock, only if needed.
 */
final class BuildMode {

    /** supermin's default ext2 size. */
    static final long DEFAULT_SIZE = 4L << 30;

    private final SuperminCommand cmd;
    private final Console console;
    private final Map<String, String> env = System.getenv();

    BuildMode(SuperminCommand cmd, Console console) {
        this.cmd = cmd;
        this.console = console;
    }

    int run() throws Exception {
        String formatName = cmd.format;
        if (!List.of("chroot", "ext2", "tar").contains(formatName)) {
            throw new UsageException("unknown format '" + formatName + "': use -f chroot, -f ext2 or -f tar");
        }
        boolean toStdout = "-".equals(cmd.output);
        if (toStdout && !formatName.equals("tar")) {
            throw new UsageException("-o - (standard output) works only with -f tar");
        }
        if (toStdout && Console.stdoutIsTerminal()) {
            // as gzip does: a binary archive in a terminal is of no use and may upset it
            throw new CommandException("refusing to write a tar archive to a terminal; redirect standard output "
                    + "(-o - > FILE, -o - | docker import - NAME) or give -o FILE");
        }
        long size = cmd.size == null ? DEFAULT_SIZE : parseSize(cmd.size);
        Path out = toStdout || cmd.output == null ? null : Path.of(cmd.output).toAbsolutePath().normalize();
        if (out != null && out.getParent() == null) {
            throw new FormatException("-o " + Shown.of(cmd.output) + ": the root directory cannot be an output (a build"
                    + " replaces its output); give the path of a new directory");
        }
        if (out != null) {
            // before anything is built: a tar replaces a regular file only, a chroot or ext2 output a directory
            String problem = AtomicOutput.whyNotReplaceable(out, !formatName.equals("tar"));
            if (problem != null) {
                throw new FormatException("-o " + Shown.of(cmd.output) + ": " + problem);
            }
        }
        if (cmd.lock != null && out != null && cmd.lock.toAbsolutePath().normalize().startsWith(out)) {
            throw new UsageException("the lock file " + cmd.lock + " is inside the output " + out
                    + ", which is replaced by every build; put the lock file elsewhere");
        }
        if (cmd.lock != null) {
            try (BuildLock lock = BuildLock.acquire(cmd.lock)) {
                console.info(2, "holding lock " + cmd.lock);
                return buildLocked(formatName, out, size);
            }
        }
        return buildLocked(formatName, out, size);
    }

    private int buildLocked(String formatName, Path out, long size) throws Exception {
        List<Path> inputs = new ArrayList<>();
        for (String a : cmd.arguments) {
            inputs.add(Path.of(a));
        }
        long t0 = System.nanoTime();
        // before anything is read: a file changed after this may have been read before its change
        long started = System.currentTimeMillis();
        console.begin("resolving packages", -1);
        // (the timings below are plain concatenation: String.format costs milliseconds in a fresh JVM)
        Long sourceDateEpoch = SourceDateEpoch.fromEnvironment(env);
        // archives and images are reproducible even when the host's mtimes move (/tmp, /run, …):
        // their timestamps are clamped to SOURCE_DATE_EPOCH, or to a fixed default when it is unset;
        // a chroot keeps the host's mtimes unless SOURCE_DATE_EPOCH asks otherwise
        Long epoch = sourceDateEpoch != null || formatName.equals("chroot") ? sourceDateEpoch : Long.valueOf(SourceDateEpoch.DEFAULT);
        List<Path> outputs = out == null ? List.of() : outputFiles(formatName, out);
        String key = out == null || cmd.explain != null ? null : stampKey(formatName, size, epoch);
        // --if-newer, first without reading anything: when the options, tool and package driver
        // are the same and none of the files whose state went into the last build's digest has
        // moved (inputs, package database, what chose the kernel), the digest would be the same
        if (cmd.ifNewer && key != null && cmd.graph == null
                && BuildStamp.unchanged(out, key, ManifestReader.inputFiles(inputs), outputs)) {
            console.info(1, "if-newer: output does not need rebuilding");
            return 0;
        }
        // the kernel needs no package: for ext2 it is found first, so that copying its modules
        // into the image starts at once and overlaps with reading the appliance, resolving and
        // assembling the packages' tree
        KernelLocator locator = formatName.equals("ext2") && cmd.explain == null ? new KernelLocator(cmd.root, env, cmd.hostCpu) : null;
        Kernel kernel = locator == null ? null : locator.locate();
        AtomicOutput output = null;
        Ext2Prelude prelude = null;
        boolean committed = false;
        BaseImagePrefetch baseImages = null;
        int priority = Thread.currentThread().getPriority();
        try {
            if (kernel != null && out != null && !cmd.ifNewer) {
                output = AtomicOutput.begin(out);
                prelude = startCopying(kernel, output, size, epoch);
            }
            // the package database is opened while the appliance's files are read (for ext2 once
            // the copying has started, the build's longest chain of work)
            // (this and the build's other background work are classes, not lambdas: in a fresh JVM each
            // lambda's first call costs its linkage, a few hundred microseconds of interpreted code)
            Path root = cmd.root;
            Future<PackageDatabase> opening = Threads.start("open-database", new Callable<PackageDatabase>() {
                @Override
                public PackageDatabase call() throws PackageDatabaseException {
                    return PackageDatabases.detect(root);
                }
            });
            Manifest manifest = ManifestReader.read(inputs);
            if (prelude != null) {
                prelude.excludes(manifest.excludes());
            }
            // the base images need no package: read while the database is still being opened
            // (unless the build may well end before the tree: --explain, --if-newer)
            // (their large contents wait beside the output, on its filesystem, until it is written)
            Path spoolDir = out == null ? null : out.getParent();
            baseImages = manifest.baseImages().isEmpty() || cmd.explain != null || cmd.ifNewer
                    ? null : BaseImagePrefetch.start(manifest.baseImages(), spoolDir);
            PackageDatabase db = join(opening);
            Resolution resolution = Resolutions.resolve(db, manifest.packages(), true, console);
            console.end();
            List<InstalledPackage> closure = resolution.closure();
            console.info(2, "resolved " + closure.size() + " packages (" + (System.nanoTime() - t0) / 1_000_000 + " ms)");
            if (cmd.graph != null) {
                Resolutions.writeGraph(resolution, cmd.graph, cmd.graphDepth);
            }
            if (cmd.explain != null) {
                Resolutions.explain(resolution, cmd.explain, new java.io.PrintWriter(System.out));
                return 0;
            }

            Callable<String> stamp = new Callable<String>() {
                @Override
                public String call() throws IOException, PackageDatabaseException {
                    return stampOf(key, kernel, manifest, closure, db);
                }
            };
            // the digest decides --if-newer up front; otherwise it is only written after the build,
            // so it is worked out while the output is written, which leaves a core partly idle
            // (and not at all for standard output)
            Future<String> digest = null;
            if (cmd.ifNewer && out != null) {
                digest = CompletableFuture.completedFuture(stamp.call());
                String why = BuildStamp.whyRebuild(out, join(digest), outputs);
                if (why == null) {
                    // the files moved but the digest is the same: watch their new identities
                    BuildStamp.write(out, join(digest), outputs, watch(key, manifest, db, locator, kernel, started));
                    console.info(1, "if-newer: output does not need rebuilding");
                    console.summary(List.of(out + " is up to date (--if-newer)", out.getFileName() + " is up to date"),
                            List.of());
                    return 0;
                }
                console.info(1, "if-newer: rebuilding because " + why);
                if (!manifest.baseImages().isEmpty()) {
                    baseImages = BaseImagePrefetch.start(manifest.baseImages(), spoolDir);
                }
                if (kernel != null) {
                    output = AtomicOutput.begin(out);
                    prelude = startCopying(kernel, output, size, epoch);
                    prelude.excludes(manifest.excludes());
                }
            }

            // for ext2 the prelude is running by now and walks the kernel's modules for the tree
            List<TreeInputs.ExtraTree> extra = prelude == null ? List.of() : List.of(prelude.modules(kernel));
            Assembly assembly = ApplianceTreeBuilder.assemble(new TreeInputs(db, closure, manifest, extra,
                    cmd.includePackagelist, epoch, console, prelude != null ? packageFilesFound(prelude) : null,
                    baseImages, cmd.minimize ? new Minimize(cmd.locales) : null));
            ApplianceTree tree = assembly.tree();
            console.info(2, "assembled the tree (" + (System.nanoTime() - t0) / 1_000_000 + " ms)");
            if (cmd.sizeReport) {
                SizeReports.print(assembly.sizes(), console);
            }
            console.info(1, "appliance: " + tree.size() + " entries, " + tree.contentBytes() + " bytes of content");

            FormatOptions options = new FormatOptions(cmd.root, size, cmd.hostCpu, cmd.copyKernel, epoch, env,
                    cmd.compression, console);
            if (out == null) {
                OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
                new TarFormat().writeTo(tree, options, stdout);
                stdout.flush();
                if (System.out.checkError()) {
                    // (standard output is a PrintStream, which keeps its write errors to itself)
                    throw new IOException("writing the archive to standard output failed (a closed pipe, or no space"
                            + " left where it goes)");
                }
                summarize("standard output", formatName, closure, tree, t0);
                return 0;
            }
            OutputFormat format = switch (formatName) {
                case "chroot" -> new ChrootFormat();
                case "tar" -> new TarFormat();
                default -> new Ext2Format(kernel, prelude);
            };
            if (output == null) {
                output = AtomicOutput.begin(out);
            }
            if (digest == null) {
                digest = Threads.start("build-stamp", stamp);
            }
            try {
                format.write(tree, options, output.staging());
                output.commit();
            } catch (IOException e) {
                // a failed write says only why (no space left, file too large): name the output
                if (IoErrors.isBareStorageError(e)) {
                    throw new IOException("writing " + Shown.of(out.toString()) + ": " + IoErrors.describe(e), e);
                }
                throw e;
            }
            committed = true;
            BuildStamp.write(out, join(digest), outputs, watch(key, manifest, db, locator, kernel, started));
            console.info(2, "wrote the " + formatName + " output (" + (System.nanoTime() - t0) / 1_000_000 + " ms)");
            console.info(1, "wrote " + out);
            summarize(out.toString(), formatName, closure, tree, t0);
            return 0;
        } finally {
            Thread.currentThread().setPriority(priority);
            if (prelude != null) {
                prelude.cancel();
            }
            if (output != null && !committed) {
                output.abort();
            }
            if (baseImages != null) {
                baseImages.close();
            }
        }
    }

    /** The summary line on a terminal: output, packages, files, size and time. */
    private void summarize(String where, String formatName, List<InstalledPackage> closure, ApplianceTree tree,
                           long t0) {
        if (!console.showsSummary()) {
            return;
        }
        String time = " in " + ProgressBar.duration((System.nanoTime() - t0) / 1e9);
        String name = where.lastIndexOf('/') >= 0 ? where.substring(where.lastIndexOf('/') + 1) : where;
        console.summary(List.of("built " + where + " (" + formatName + ")" + time, "built " + where + time,
                        "built " + name + time),
                List.of(closure.size() + " packages", tree.fileCount() + " files", ProgressBar.mib(tree.contentBytes())));
    }

    /**
     * The parts of the {@code --if-newer} digest that can be told without reading anything: the
     * tool (its class path's files), options, root, timestamps, the package driver that
     * recognises the root, and for ext2 what the kernel's choice depends on besides files.
     */
    private String stampKey(String formatName, long size, Long epoch) throws IOException {
        PackageDriver driver = PackageDatabases.driverFor(cmd.root);
        StringBuilder b = new StringBuilder()
                .append("tool=").append(Version.COMPATIBLE_WITH).append('\n')
                .append("format=").append(formatName).append('\n')
                .append("size=").append(size).append('\n')
                .append("host-cpu=").append(cmd.hostCpu).append('\n')
                .append("copy-kernel=").append(cmd.copyKernel).append('\n')
                .append("packagelist=").append(cmd.includePackagelist).append('\n')
                .append("compression=").append(cmd.compression).append('\n')
                .append("minimize=").append(cmd.minimize ? String.join(",", new TreeSet<>(cmd.locales)) : "no").append('\n')
                .append("root=").append(cmd.root.toAbsolutePath()).append('\n')
                .append("epoch=").append(epoch).append('\n')
                .append("driver=").append(driver == null ? "none" : driver.name()).append('\n');
        for (String entry : System.getProperty("java.class.path", "").split(":")) {
            if (!entry.isEmpty()) {
                b.append("class-path=").append(entry).append(' ').append(BuildStamp.identity(Path.of(entry))).append('\n');
            }
        }
        if (formatName.equals("ext2")) {
            b.append("arch=").append(System.getProperty("os.arch")).append('\n');
            for (String name : new String[] {KernelLocator.ENV_KERNEL, KernelLocator.ENV_MODULES, KernelLocator.ENV_KERNEL_VERSION}) {
                b.append(name).append('=').append(env.get(name)).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * The {@code --if-newer} digest of everything that decides this build's output: the key, the
     * kernel (its version and its image's identity: too big to read at every build), the input
     * files' contents, the resolved packages and the order of each alternatives group's choices.
     */
    private static String stampOf(String key, Kernel kernel, Manifest manifest, List<InstalledPackage> closure,
                                  PackageDatabase db) throws IOException, PackageDatabaseException {
        BuildStamp s = new BuildStamp().addText(key);
        if (kernel != null) {
            s.add("kernel", kernel.version()).add("kernel-image", kernel.image().toAbsolutePath().normalize() + " "
                    + BuildStamp.identity(kernel.image()));
        }
        for (Path f : manifest.inputFiles()) {
            s.addFile("input", f);
        }
        for (InstalledPackage p : closure) {
            s.add("package", p.nameVersionArch());
        }
        // the links' choices follow the alternatives' priorities and the host's manual choices
        for (AlternativeGroup g : db.alternatives()) {
            StringBuilder choices = new StringBuilder(g.master().name());
            for (AlternativeChoice c : g.choices()) {
                choices.append(' ').append(c.path());
            }
            s.add("alternatives", choices);
        }
        return s.hex();
    }

    /**
     * What the stamp watches: the input files, the package database's files and what chose the
     * kernel, all read or looked at since {@code started}.
     */
    private static StampWatch watch(String key, Manifest manifest, PackageDatabase db, KernelLocator locator,
                                    Kernel kernel, long started) throws PackageDatabaseException, FormatException {
        List<Path> files = new ArrayList<>(manifest.inputFiles());
        files.addAll(db.stateFiles());
        if (kernel != null) {
            files.addAll(locator.watchedPaths(kernel));
        }
        return new StampWatch(key, manifest.inputFiles(), files, started);
    }

    /** The prelude's listener for the package files found, as the tree builder takes it. */
    private static Consumer<List<TreeEntry>> packageFilesFound(Ext2Prelude prelude) {
        return new Consumer<List<TreeEntry>>() {
            @Override
            public void accept(List<TreeEntry> files) {
                prelude.packageFilesFound(files);
            }
        };
    }

    /**
     * Starts an ext2 build's prelude in {@code output}'s staging directory. From then on the
     * tree's work (this thread and the threads it starts, which inherit its priority) yields to
     * the copying: that is the build's longest chain, and the tree is needed only when it ends.
     * Priorities count only where the JVM maps them to nice values (the launcher asks for it
     * when run as root); the build restores this thread's priority when it ends.
     */
    private static Ext2Prelude startCopying(Kernel kernel, AtomicOutput output, long size, long epoch)
            throws IOException {
        Ext2Prelude prelude = Ext2Prelude.start(kernel, output.staging(), size, epoch);
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        return prelude;
    }

    /** The result of background work, its exception rethrown as if the work had run here. */
    private static <T> T join(Future<T> work) throws Exception {
        return Threads.await(work, Exception.class, "background work");
    }

    private static List<Path> outputFiles(String format, Path out) {
        if (format.equals("ext2")) {
            return List.of(out, out.resolve("kernel"), out.resolve("initrd"), out.resolve("root"));
        }
        return List.of(out);
    }

    /** A bad --size value is a one-line error, like supermin's, not a usage error with the synopsis. */
    private static long parseSize(String text) throws FormatException {
        try {
            return Sizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw new FormatException("--size " + text + ": " + e.getMessage());
        }
    }
}
