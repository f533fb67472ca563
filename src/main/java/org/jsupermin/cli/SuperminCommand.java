package org.jsupermin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * supermin 5's command line, with the same spellings, plus jsupermin's additions. Validates the
 * combination of options and hands over to {@link PrepareMode}, {@link BuildMode} or
 * {@link ListDrivers}.
 */
@Command(name = "supermin", sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = Version.class,
        synopsisHeading = "%nUsage:%n",
        customSynopsis = {
            "  supermin --prepare [OPTIONS] PACKAGE... -o OUTPUTDIR",
            "  supermin --build [OPTIONS] -f chroot|ext2|tar INPUT... -o OUTPUT",
            "  supermin --list-drivers | --version | --help"},
        description = {"%nBuilds supermin appliances: tiny descriptions of a system made from the host's "
                + "packages (--prepare), expanded on the end user's host into a chroot, a bootable ext2 "
                + "appliance or a tar base image for docker import (--build).%n"},
        optionListHeading = "%nOptions:%n",
        footer = {"%nEnvironment: SUPERMIN_KERNEL, SUPERMIN_MODULES, SUPERMIN_KERNEL_VERSION choose the kernel "
                + "for -f ext2; SOURCE_DATE_EPOCH clamps timestamps.", "See supermin(1) for details."})
public final class SuperminCommand implements Callable<Integer> {

    @Option(names = "--prepare", description = "Prepare a supermin appliance from the named packages.")
    boolean prepare;

    @Option(names = "--build", description = "Build a full appliance from supermin appliance INPUTs.")
    boolean build;

    @Option(names = {"-f", "--format"}, paramLabel = "chroot|ext2|tar",
            description = "Output format of --build: a directory, a bootable ext2 appliance (kernel, initrd, root) or a tar archive.")
    String format;

    @Option(names = "-o", paramLabel = "OUTPUT",
            description = "Output directory (--prepare, -f chroot, -f ext2) or file (-f tar; '-' for standard output).")
    String output;

    @Option(names = "--if-newer", description = "Only build if the output is missing or anything that decides it changed.")
    boolean ifNewer;

    @Option(names = "--lock", paramLabel = "LOCKFILE", description = "Hold an exclusive lock on LOCKFILE for the whole build; others wait.")
    Path lock;

    @Option(names = "--use-installed", description = "Take config files from the installed system instead of the package archives.")
    boolean useInstalled;

    @Option(names = "--include-packagelist", description = "Add /packagelist listing the appliance's packages.")
    boolean includePackagelist;

    @Option(names = "--size", paramLabel = "SIZE", description = "Size of the ext2 filesystem (default 4G): 512M, 32G, 10737418240b.")
    String size;

    @Option(names = "--host-cpu", paramLabel = "ARCH", description = "Host CPU architecture for choosing the kernel (default: this machine's).")
    String hostCpu;

    @Option(names = "--copy-kernel", description = "Copy the kernel into the output instead of symlinking it.")
    boolean copyKernel;

    @Option(names = "--packager-config", paramLabel = "CONFIGFILE", description = "Package manager configuration file (accepted for compatibility; the database is read directly).")
    Path packagerConfig;

    @Option(names = "--list-drivers", description = "List the package manager drivers and whether each is detected, then exit.")
    boolean listDrivers;

    @Option(names = {"-v", "--verbose"}, description = "Print more messages; repeat for more (-vvv shows stack traces).")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and warnings; no progress bar.")
    boolean quiet;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Display the version and exit.")
    boolean version;

    @Option(names = {"--help", "-help"}, usageHelp = true, description = "Display this help and exit.")
    boolean help;

    @Option(names = "--root", paramLabel = "DIR", description = "Read the package database and files of DIR instead of /.")
    Path root = Path.of("/");

    @Option(names = "--packages-from", paramLabel = "DIR", description = "Find package files (.deb, .rpm, …) for pristine config files in DIR first.")
    Path packagesFrom;

    @Option(names = "--compression", paramLabel = "none|gzip|xz|zstd", description = "Compression of -f tar output (default: from the file name).")
    String compression;

    @Option(names = "--explain", paramLabel = "PACKAGE", description = "Print why PACKAGE is in the closure: the dependency chain from a requested package.")
    String explain;

    @Option(names = "--graph", paramLabel = "FILE", description = "Write the dependency closure as a Graphviz DOT file.")
    Path graph;

    @Option(names = "--size-report", description = "With --build: list the bytes each package and each excludefiles rule contributes, largest first.")
    boolean sizeReport;

    @Option(names = "--dtb", paramLabel = "PATTERN", description = "Obsolete; accepted and ignored with a warning, as supermin does.")
    String dtb;

    @Option(names = "--names", description = "supermin 4's option; gives an error explaining the change.")
    boolean names;

    @Parameters(paramLabel = "PACKAGE|INPUT", description = "Packages to --prepare, or supermin appliance files and directories to --build.")
    List<String> arguments = new ArrayList<>();

    private final PrintWriter err;

    SuperminCommand(PrintWriter err) {
        this.err = err;
    }

    /** Parses {@code args}, runs, and returns the exit status. */
    public static int run(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        SuperminCommand command = new SuperminCommand(err);
        CommandLine cl = new CommandLine(command);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Errors::onParameterError);
        cl.setExecutionExceptionHandler(Errors.executionHandler(command));
        return cl.execute(args);
    }

    /** How many times -v was given. */
    int verbosity() {
        return verbose.length;
    }

    private static void warnIf(Console console, boolean given, String option) {
        if (given) {
            console.warning(option + " applies to --build only; ignored");
        }
    }

    /** Options that mean nothing for the chosen mode or format are said to be ignored, never silently. */
    private void warnUnused(Console console) {
        boolean ext2 = "ext2".equals(format);
        if (!ext2 && size != null) {
            console.warning("--size applies to -f ext2 only; ignored");
        }
        if (!ext2 && copyKernel) {
            console.warning("--copy-kernel applies to -f ext2 only; ignored");
        }
        if (!ext2 && hostCpu != null) {
            console.warning("--host-cpu chooses the kernel of -f ext2 only; ignored");
        }
        if (useInstalled) {
            console.warning("--use-installed applies to --prepare only; ignored");
        }
        if (compression != null && !"tar".equals(format)) {
            console.warning("--compression applies to -f tar only; ignored");
        }
        if (sizeReport && explain != null) {
            console.warning("--size-report needs a build; ignored with --explain");
        }
    }

    @Override
    public Integer call() throws Exception {
        Console console = new Console(err, verbosity(), quiet);
        if (names) {
            throw new UsageException("--names was a supermin 4 option; supermin 5 takes a list of packages with --prepare");
        }
        if (dtb != null) {
            console.warning("--dtb is obsolete and ignored");
        }
        if (packagerConfig != null) {
            console.warning("--packager-config " + packagerConfig + " is not used: the package database is read directly");
        }
        if (listDrivers) {
            ListDrivers.print(new PrintWriter(System.out, true), root);
            return 0;
        }
        if (prepare == build) {
            throw new UsageException(prepare ? "give only one of --prepare and --build" : "give --prepare or --build (or --list-drivers)");
        }
        if (output == null && explain == null) {
            throw new UsageException("-o is required: the output " + (prepare ? "directory" : "directory or file"));
        }
        if (arguments.isEmpty()) {
            throw new UsageException(prepare ? "no packages given to --prepare" : "no supermin appliance given to --build");
        }
        if (prepare) {
            if (format != null) {
                throw new UsageException("-f/--format is for --build, not --prepare");
            }
            warnIf(console, ifNewer, "--if-newer");
            warnIf(console, lock != null, "--lock");
            warnIf(console, size != null, "--size");
            warnIf(console, copyKernel, "--copy-kernel");
            warnIf(console, hostCpu != null, "--host-cpu");
            warnIf(console, includePackagelist, "--include-packagelist");
            warnIf(console, compression != null, "--compression");
            warnIf(console, sizeReport, "--size-report");
            return new PrepareMode(this, console).run();
        }
        if (format == null) {
            throw new UsageException("--build needs -f chroot, -f ext2 or -f tar");
        }
        warnUnused(console);
        return new BuildMode(this, console).run();
    }
}
