package org.jsupermin.build;

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
import java.util.function.UnaryOperator;

import org.jsupermin.format.EarlyStart;
import org.jsupermin.format.FormatContext;
import org.jsupermin.format.FormatException;
import org.jsupermin.format.FormatOptions;
import org.jsupermin.format.FormatSettings;
import org.jsupermin.format.OutputFormat;
import org.jsupermin.format.StampInput;
import org.jsupermin.manifest.Manifest;
import org.jsupermin.manifest.ManifestReader;
import org.jsupermin.packages.AlternativeChoice;
import org.jsupermin.packages.AlternativeGroup;
import org.jsupermin.packages.ClosureDetails;
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
import org.jsupermin.tree.TreeInputs;
import org.jsupermin.util.AtomicOutput;
import org.jsupermin.util.BuildLock;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.IoErrors;
import org.jsupermin.util.Reporter;
import org.jsupermin.util.SourceDateEpoch;

/**
 * One build: read the supermin appliance, resolve its packages again on this host, assemble the
 * tree and write it in the request's format, atomically, under the lock, only if needed.
 */
final class ApplianceBuild {

    private final BuildRequest request;
    private final OutputFormat format;
    /** What the build reads its opened package database through, or null for the database itself. */
    private final UnaryOperator<PackageDatabase> databases;
    private final Reporter reporter;
    /** Where a streamed output goes, or null. */
    private final OutputStream stream;

    private ApplianceBuild(BuildRequest request, OutputFormat format, UnaryOperator<PackageDatabase> databases,
                           OutputStream stream, Reporter reporter) {
        this.request = request;
        this.format = format;
        this.databases = databases;
        this.stream = stream;
        this.reporter = reporter == null ? Reporter.SILENT : reporter;
    }

    /** The format's options, with {@value OutputFormat#SBOM_FORMAT} when {@code --sbom} asks for an SBOM. */
    private static FormatOptions formatOptions(BuildRequest request) {
        if (request.sbom() == null) {
            return request.formatOptions();
        }
        java.util.SortedMap<String, List<String>> values = new java.util.TreeMap<>(request.formatOptions().values());
        values.put(OutputFormat.SBOM_FORMAT, List.of(request.sbom().format().optionValue()));
        return new FormatOptions(values);
    }

    /** Checks the request, takes the lock if asked, and builds. */
    static BuildResult run(BuildRequest request, FormatRegistry registry, UnaryOperator<PackageDatabase> databases,
                           OutputStream stream, Reporter reporter)
            throws Exception {
        OutputFormat format = registry.find(request.format());
        if (format == null) {
            throw new InvalidRequestException("unknown format '" + FileNames.printable(request.format(), 80)
                    + "': use " + registry.choices());
        }
        if (stream != null && !format.streams()) {
            throw new InvalidRequestException("-o - (standard output) works only with "
                    + FormatRegistry.choices(registry.streamingFormats()));
        }
        if (stream == null && request.output() == null && !request.resolveOnly()) {
            throw new InvalidRequestException("no output given: a build needs an output "
                    + (format.shape().isDirectory() ? "directory" : "file"));
        }
        format.check(request.formatOptions());
        Path out = stream != null || request.output() == null ? null : request.output().toAbsolutePath().normalize();
        if (out != null && out.getParent() == null) {
            throw new BuildException("-o " + shown(request.output()) + ": the root directory cannot be an output (a"
                    + " build replaces its output); give the path of a new directory");
        }
        if (out != null) {
            // before anything is built: a file output replaces a regular file only, the others a directory
            String problem = AtomicOutput.whyNotReplaceable(out, format.shape(out).isDirectory());
            if (problem != null) {
                throw new BuildException("-o " + shown(request.output()) + ": " + problem);
            }
        }
        if (request.sbom() != null && !request.resolveOnly()) {
            String problem = SbomFiles.whyNotWritable(request.sbom().file());
            if (problem != null) {
                throw new BuildException(problem);
            }
        }
        Path lock = request.lock();
        if (lock != null && out != null && lock.toAbsolutePath().normalize().startsWith(out)) {
            throw new InvalidRequestException("the lock file " + lock + " is inside the output " + out
                    + ", which is replaced by every build; put the lock file elsewhere");
        }
        ApplianceBuild build = new ApplianceBuild(request, format, databases, stream, reporter);
        if (lock != null) {
            try (BuildLock held = BuildLock.acquire(lock)) {
                build.reporter.info(2, "holding lock " + lock);
                return build.locked(out);
            }
        }
        return build.locked(out);
    }

    private BuildResult locked(Path out) throws Exception {
        int priority = Thread.currentThread().getPriority();
        try (BuildTasks tasks = new BuildTasks()) {
            return build(out, tasks);
        } finally {
            // an early start may have lowered it, to yield to its own work
            Thread.currentThread().setPriority(priority);
        }
    }

    private BuildResult build(Path out, BuildTasks tasks) throws Exception {
        List<Path> inputs = request.inputs();
        long t0 = System.nanoTime();
        // before anything is read: a file changed after this may have been read before its change
        long started = System.currentTimeMillis();
        reporter.begin("resolving packages", -1);
        Long sourceDateEpoch = SourceDateEpoch.fromEnvironment(request.environment());
        // archives and images are reproducible even when the host's mtimes move (/tmp, /run, …):
        // their timestamps are clamped to SOURCE_DATE_EPOCH, or to a fixed default when it is unset;
        // a directory keeps the host's mtimes unless SOURCE_DATE_EPOCH asks otherwise
        Long epoch = sourceDateEpoch != null || format.keepsHostTimes()
                ? sourceDateEpoch : Long.valueOf(SourceDateEpoch.DEFAULT);
        boolean resolveOnly = request.resolveOnly();
        List<Path> outputs = out == null ? List.of() : format.outputFiles(out);
        if (out != null && request.sbom() != null) {
            // a missing or replaced SBOM is rebuilt with the output
            outputs = new ArrayList<>(outputs);
            outputs.add(request.sbom().file().toAbsolutePath().normalize());
        }
        String key = out == null || resolveOnly ? null : stampKey(epoch);
        // --if-newer, first without reading anything: when the options, tool and package driver
        // are the same and none of the files whose state went into the last build's digest has
        // moved (inputs, package database, what an early start depended on), the digest would be the same
        if (request.ifNewer() && key != null && !request.resolutionWanted()
                && BuildStamp.unchanged(out, key, ManifestReader.inputFiles(inputs), outputs)) {
            reporter.info(1, "if-newer: output does not need rebuilding");
            return new BuildResult(out, format.name(), null, 0, 0, true, null, System.nanoTime() - t0);
        }
        FormatSettings settings = new FormatSettings(request.root(), request.environment(), formatOptions(request),
                epoch, reporter);
        // what needs no package starts first (for ext2 the kernel: copying its modules into the
        // image then overlaps with reading the appliance, resolving and assembling the packages' tree)
        EarlyStart early = resolveOnly ? null : tasks.own(format.early(settings));
        AtomicOutput output = null;
        boolean committed = false;
        try {
            if (early != null && out != null && !request.ifNewer()) {
                output = AtomicOutput.begin(out);
                early.begin(output.staging());
            }
            // the package database is opened while the appliance's files are read (for ext2 once
            // the copying has started, the build's longest chain of work)
            Path root = request.root();
            Future<PackageDatabase> opening = tasks.start("open-database", () -> viewed(PackageDatabases.detect(root)));
            Manifest manifest = ManifestReader.read(inputs);
            if (early != null) {
                early.excludes(manifest.excludes());
            }
            // the base images need no package: read while the database is still being opened
            // (unless the build may well end before the tree: resolving only, --if-newer)
            // (their large contents wait beside the output, on its filesystem, until it is written)
            Path spoolDir = out == null ? null : out.getParent();
            BaseImagePrefetch baseImages = manifest.baseImages().isEmpty() || resolveOnly || request.ifNewer()
                    ? null : tasks.own(BaseImagePrefetch.start(manifest.baseImages(), spoolDir));
            PackageDatabase db = BuildTasks.join(opening);
            Resolution resolution = Resolutions.resolve(db, manifest.packages(), true, reporter);
            reporter.end();
            List<InstalledPackage> closure = resolution.closure();
            reporter.info(2, "resolved " + closure.size() + " packages (" + (System.nanoTime() - t0) / 1_000_000 + " ms)");
            if (resolveOnly) {
                return new BuildResult(null, format.name(), resolution, 0, 0, false, null, System.nanoTime() - t0);
            }

            Callable<String> stamp = () -> stampOf(key, early, manifest, closure, db);
            // the digest decides --if-newer up front; otherwise it is only written after the build,
            // so it is worked out while the output is written, which leaves a core partly idle
            // (and not at all for a stream)
            Future<String> digest = null;
            if (request.ifNewer() && out != null) {
                digest = CompletableFuture.completedFuture(stamp.call());
                String why = BuildStamp.whyRebuild(out, BuildTasks.join(digest), outputs);
                if (why == null) {
                    // the files moved but the digest is the same: watch their new identities
                    BuildStamp.write(out, BuildTasks.join(digest), outputs, watch(key, manifest, db, early, started));
                    reporter.info(1, "if-newer: output does not need rebuilding");
                    return new BuildResult(out, format.name(), resolution, 0, 0, true, null, System.nanoTime() - t0);
                }
                reporter.info(1, "if-newer: rebuilding because " + why);
                if (!manifest.baseImages().isEmpty()) {
                    baseImages = tasks.own(BaseImagePrefetch.start(manifest.baseImages(), spoolDir));
                }
                if (early != null) {
                    output = AtomicOutput.begin(out);
                    early.begin(output.staging());
                }
            }

            // the packages' details, read once for the image's package database, the SBOM and the layers
            ClosureDetails details = new ClosureDetails(db, closure);
            // the package database an image carries is read while the tree is assembled
            ImageContents contents = ImageContents.start(format, request, db, closure, details, tasks);
            // an early start is running by now (for ext2 it walks the kernel's modules for the tree)
            List<TreeInputs.ExtraTree> extra = early == null ? List.of() : early.extraTrees();
            Assembly assembly = ApplianceTreeBuilder.assemble(new TreeInputs(db, closure, manifest, extra,
                    request.includePackagelist(), epoch, reporter, early == null ? null : early.packageFilesFound(),
                    baseImages, request.minimize() ? new Minimize(request.locales()) : null));
            ApplianceTree tree = contents.finish(assembly.tree(), format, db, epoch, reporter);
            reporter.info(2, "assembled the tree (" + (System.nanoTime() - t0) / 1_000_000 + " ms)");
            reporter.info(1, "appliance: " + tree.size() + " entries, " + tree.contentBytes() + " bytes of content");

            // the SBOM (copyright files read, JSON written) is made while the output is written, once
            // for its file and for an output that carries it too
            Future<byte[]> sbom = request.sbom() == null ? null : tasks.start("sbom", SbomFiles.document(request.sbom(),
                    sbomName(out, inputs), resolution, db, details,
                    epoch == null ? SourceDateEpoch.DEFAULT : epoch.longValue()));
            FormatContext assembled = new FormatContext(tree, resolution, db, assembly.packageFiles(), details, sbom,
                    settings, early);
            // the tree the output holds: with the package database, and what the format adds
            ApplianceTree written = format.contents(assembled);
            FormatContext context = written == tree ? assembled : new FormatContext(written, resolution, db,
                    assembly.packageFiles(), details, sbom, settings, early);
            if (out == null) {
                format.writeTo(context, stream);
                stream.flush();
                if (sbom != null) {
                    SbomFiles.write(request.sbom(), BuildTasks.join(sbom));
                }
                return result(null, resolution, assembly, written, t0);
            }
            if (output == null) {
                output = AtomicOutput.begin(out);
            }
            if (digest == null) {
                digest = tasks.start("build-stamp", stamp);
            }
            try {
                format.write(context, output.staging());
                output.commit();
            } catch (IOException e) {
                // a failed write says only why (no space left, file too large): name the output
                if (IoErrors.isBareStorageError(e)) {
                    throw new IOException("writing " + shown(out) + ": " + IoErrors.describe(e), e);
                }
                throw e;
            }
            committed = true;
            if (sbom != null) {
                SbomFiles.write(request.sbom(), BuildTasks.join(sbom));
            }
            BuildStamp.write(out, BuildTasks.join(digest), outputs, watch(key, manifest, db, early, started));
            reporter.info(2, "wrote the " + format.name() + " output (" + (System.nanoTime() - t0) / 1_000_000 + " ms)");
            reporter.info(1, "wrote " + out);
            return result(out, resolution, assembly, written, t0);
        } finally {
            if (output != null && !committed) {
                // the early start writes into the staging directory: all work stops before it goes
                try {
                    tasks.close();
                } finally {
                    output.abort();
                }
            }
        }
    }

    /** {@code db} as the build reads it: itself, or through the view a test asked for. */
    private PackageDatabase viewed(PackageDatabase db) {
        return databases == null ? db : databases.apply(db);
    }

    /** What the SBOM names: what the format calls its output (an image's tag), else the output's file name. */
    private String sbomName(Path out, List<Path> inputs) throws FormatException {
        String own = format.sbomName(request.formatOptions());
        return own != null ? own : SbomFiles.name(out, inputs);
    }

    /** The result of a build that wrote {@code written} (the files and bytes the output holds). */
    private BuildResult result(Path out, Resolution resolution, Assembly assembly, ApplianceTree written, long t0) {
        return new BuildResult(out, format.name(), resolution, written.fileCount(), written.contentBytes(), false,
                request.sizeReport() ? assembly.sizes() : null, System.nanoTime() - t0);
    }

    /**
     * The parts of the {@code --if-newer} digest that can be told without reading anything: the
     * tool (its class path's files), options, root, timestamps, the package driver that
     * recognises the root, and what the format says its output depends on besides files.
     */
    private String stampKey(Long epoch) throws IOException {
        PackageDriver driver = PackageDatabases.driverFor(request.root());
        StringBuilder b = new StringBuilder()
                .append("tool=jsupermin\n")
                .append("format=").append(format.name()).append('\n')
                .append("packagelist=").append(request.includePackagelist()).append('\n')
                .append("minimize=").append(request.minimize() ? String.join(",", new TreeSet<>(request.locales())) : "no")
                .append('\n')
                .append("root=").append(request.root().toAbsolutePath()).append('\n')
                .append("epoch=").append(epoch).append('\n')
                .append("driver=").append(driver == null ? "none" : driver.name()).append('\n')
                .append("sbom=").append(request.sbom() == null ? "none"
                        : request.sbom().format().optionValue() + " " + request.sbom().file().toAbsolutePath())
                .append('\n');
        for (Map.Entry<String, List<String>> option : request.formatOptions().values().entrySet()) {
            if (format.optionNames().contains(option.getKey())) {
                b.append("option ").append(option.getKey()).append('=');
                for (String value : option.getValue()) {
                    b.append(' ').append(BuildStamp.escape(value));
                }
                b.append('\n');
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(":")) {
            if (!entry.isEmpty()) {
                b.append("class-path=").append(entry).append(' ').append(BuildStamp.identity(Path.of(entry))).append('\n');
            }
        }
        for (String line : format.stampKey(request.environment())) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /**
     * The {@code --if-newer} digest of everything that decides this build's output: the key, what
     * the early start chose (a kernel), the input files' contents, the resolved packages and the
     * order of each alternatives group's choices.
     */
    private static String stampOf(String key, EarlyStart early, Manifest manifest, List<InstalledPackage> closure,
                                  PackageDatabase db) throws IOException, PackageDatabaseException {
        BuildStamp s = new BuildStamp().addText(key);
        if (early != null) {
            for (StampInput in : early.stampInputs()) {
                s.add(in.label(), in.identityOf() == null ? in.value()
                        : in.value() + " " + BuildStamp.identity(in.identityOf()));
            }
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
     * What the stamp watches: the input files, the package database's files and what the early
     * start depended on, all read or looked at since {@code started}.
     */
    private static StampWatch watch(String key, Manifest manifest, PackageDatabase db, EarlyStart early, long started)
            throws PackageDatabaseException, FormatException {
        List<Path> files = new ArrayList<>(manifest.inputFiles());
        files.addAll(db.stateFiles());
        if (early != null) {
            files.addAll(early.watchedPaths());
        }
        return new StampWatch(key, manifest.inputFiles(), files, started);
    }

    private static String shown(Path path) {
        return FileNames.printable(path.toString(), 80);
    }
}
