package org.jsupermin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.jsupermin.build.Appliances;
import org.jsupermin.build.FormatRegistry;
import org.jsupermin.format.FormatOptions;
import org.jsupermin.format.OutputFormat;
import org.jsupermin.sbom.SbomFormat;

/**
 * supermin 5's command line, with the same spellings, plus jsupermin's additions (the options are
 * listed in {@link SuperminOption}). Validates the combination of options and hands over to
 * {@link PrepareMode}, {@link BuildMode} or {@link ListDrivers}.
 */
public final class SuperminCommand implements Callable<Integer> {

    // Set by QuickParser or by picocli through SuperminOption.store; PrepareMode and BuildMode read them.
    boolean prepare;
    boolean build;
    String format;
    String output;
    boolean ifNewer;
    Path lock;
    boolean useInstalled;
    boolean includePackagelist;
    Path packagerConfig;
    boolean listDrivers;
    boolean[] verbose = new boolean[0];
    boolean quiet;
    boolean version;
    boolean help;
    Path root = Path.of("/");
    Path packagesFrom;
    String explain;
    Path graph;
    boolean sizeReport;
    String dtb;
    boolean names;
    String graphDepth;
    boolean minimize;
    List<String> locales = new ArrayList<>();
    Path sbom;
    String sbomFormat;
    List<String> arguments = new ArrayList<>();
    /** The values of the format-specific options, typed as their fields would be (see {@link SuperminOption#read}). */
    final Map<SuperminOption, Object> formatValues = new EnumMap<>(SuperminOption.class);

    private final PrintWriter err;

    SuperminCommand(PrintWriter err) {
        this.err = err;
    }

    /**
     * Parses {@code args}, runs, and returns the exit status. The command lines {@link QuickParser}
     * understands skip picocli; all others, help and errors among them, go through picocli.
     */
    public static int run(String[] args) {
        if (QuickParser.isVersionRequest(args)) {
            PrintWriter out = new PrintWriter(System.out, true);
            out.println(Version.line());
            return 0;
        }
        PrintWriter err = new PrintWriter(System.err, true);
        SuperminCommand command = new SuperminCommand(err);
        try {
            if (QuickParser.parse(args, command)) {
                try {
                    return command.call();
                } catch (Exception e) {
                    return Errors.onExecutionError(e, command, err, null);
                }
            }
            command = new SuperminCommand(err);
            return CommandModel.execute(args, command, err);
        } catch (Error e) {
            // out of memory, too deep a recursion, …: one line naming the input, never a stack trace
            return Errors.onFatal(e, command, err);
        }
    }

    /** How many times -v was given. */
    int verbosity() {
        return verbose.length;
    }

    /** The format-specific options given. */
    List<SuperminOption> givenFormatOptions() {
        List<SuperminOption> given = new ArrayList<>();
        for (SuperminOption option : SuperminOption.values()) {
            if (option.formatSpecific() && isGiven(option.read(this))) {
                given.add(option);
            }
        }
        return given;
    }

    private static boolean isGiven(Object value) {
        return value instanceof Boolean b ? b : value instanceof List<?> l ? !l.isEmpty() : value != null;
    }

    /** The format-specific options given, as the format reads them: "--long-name" → values. */
    FormatOptions formatOptions() {
        SortedMap<String, List<String>> values = new TreeMap<>();
        for (SuperminOption option : givenFormatOptions()) {
            Object value = option.read(this);
            List<String> texts = new ArrayList<>();
            if (value instanceof List<?> list) {
                for (Object v : list) {
                    texts.add(String.valueOf(v));
                }
            } else if (!(value instanceof Boolean)) {
                texts.add(String.valueOf(value));
            }
            values.put(option.longName(), texts);
        }
        return new FormatOptions(values);
    }

    private static void warnIf(Console console, boolean given, String option) {
        if (given) {
            console.warning(option + " applies to --build only; ignored");
        }
    }

    /** Options that mean nothing for the chosen mode or format are said to be ignored, never silently. */
    private void warnUnused(Console console, FormatRegistry formats) {
        OutputFormat chosen = formats.find(format);
        for (SuperminOption option : givenFormatOptions()) {
            if (chosen != null && !chosen.optionNames().contains(option.longName())) {
                List<String> takers = formats.formatsTaking(option.longName());
                console.warning(option.longName() + " applies to " + FormatRegistry.choices(takers) + " only; ignored");
            }
        }
        if (useInstalled) {
            console.warning("--use-installed applies to --prepare only; ignored");
        }
        if (sbom != null && explain != null) {
            console.warning("--sbom needs a build; ignored with --explain");
        }
        if (sbomFormat != null && sbom == null) {
            console.warning("--sbom-format chooses the format of --sbom's document; ignored without --sbom");
        }
        if (sizeReport && explain != null) {
            console.warning("--size-report needs a build; ignored with --explain");
        }
        if (!locales.isEmpty() && !minimize) {
            console.warning("--locale chooses the translations --minimize keeps; ignored without --minimize");
        }
    }

    @Override
    public Integer call() throws Exception {
        // supermin prints its messages on standard output; they go to standard error only when
        // the output itself is written there
        PrintWriter info = "-".equals(output) ? err : new PrintWriter(System.out, true);
        Console console = new Console(err, info, verbosity(), quiet);
        try {
            return run(console);
        } finally {
            console.close();
        }
    }

    private int run(Console console) throws Exception {
        if (names) {
            throw new UsageException("--names was a supermin 4 option; supermin 5 takes a list of packages with --prepare");
        }
        if (dtb != null) {
            console.warning("--dtb is obsolete and ignored");
        }
        if (packagerConfig != null) {
            console.warning("--packager-config " + packagerConfig + " is not used: the package database is read directly");
        }
        if (graphDepth != null && graph == null) {
            console.warning("--graph-depth applies to --graph only; ignored");
        }
        if (sbomFormat != null && SbomFormat.named(sbomFormat) == null) {
            throw new UsageException("--sbom-format " + Shown.of(sbomFormat) + ": use spdx or cyclonedx");
        }
        if (graph != null) {
            GraphOutput.depth(graphDepth);
            GraphOutput.check(graph);
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
            warnIf(console, includePackagelist, "--include-packagelist");
            for (SuperminOption option : givenFormatOptions()) {
                warnIf(console, true, option.longName());
            }
            warnIf(console, sizeReport, "--size-report");
            warnIf(console, minimize, "--minimize");
            warnIf(console, !locales.isEmpty(), "--locale");
            warnIf(console, sbom != null, "--sbom");
            warnIf(console, sbomFormat != null, "--sbom-format");
            return new PrepareMode(this, console, Appliances.standard()).run();
        }
        FormatRegistry formats = FormatRegistry.standard();
        if (format == null) {
            throw new UsageException("--build needs " + formats.choices());
        }
        warnUnused(console, formats);
        return new BuildMode(this, console, new Appliances(formats)).run();
    }
}
