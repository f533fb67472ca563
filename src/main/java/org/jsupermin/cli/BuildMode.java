package org.jsupermin.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsupermin.build.Appliances;
import org.jsupermin.build.BuildRequest;
import org.jsupermin.build.BuildResult;
import org.jsupermin.build.SbomOutput;
import org.jsupermin.format.OutputFormat;
import org.jsupermin.sbom.SbomFormat;

/** {@code --build}: the command line as a {@link BuildRequest}, the build, and what it did, printed. */
final class BuildMode {

    private final SuperminCommand cmd;
    private final Console console;
    private final Appliances appliances;

    BuildMode(SuperminCommand cmd, Console console, Appliances appliances) {
        this.cmd = cmd;
        this.console = console;
        this.appliances = appliances;
    }

    int run() throws Exception {
        boolean toStdout = "-".equals(cmd.output);
        OutputFormat format = appliances.formats().find(cmd.format);
        if (toStdout && format != null && format.streams() && Console.stdoutIsTerminal()) {
            // as gzip does: a binary archive in a terminal is of no use and may upset it
            throw new CommandException("refusing to write a " + format.name() + " archive to a terminal; redirect "
                    + "standard output (-o - > FILE, -o - | docker import - NAME) or give -o FILE");
        }
        List<Path> inputs = new ArrayList<>();
        for (String a : cmd.arguments) {
            inputs.add(Path.of(a));
        }
        Path output = toStdout || cmd.output == null ? null : Path.of(cmd.output);
        BuildRequest request = new BuildRequest(inputs, cmd.format, output, cmd.root, cmd.formatOptions(), cmd.lock,
                cmd.ifNewer, cmd.includePackagelist, cmd.minimize, cmd.locales, cmd.sizeReport, cmd.explain != null,
                cmd.graph != null, System.getenv(), cmd.sbom == null ? null
                        : new SbomOutput(cmd.sbom, cmd.sbomFormat == null ? SbomFormat.SPDX : SbomFormat.named(cmd.sbomFormat)));
        BuildResult result;
        if (toStdout) {
            OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
            result = appliances.build(request, stdout, console);
            if (System.out.checkError()) {
                // (standard output is a PrintStream, which keeps its write errors to itself)
                throw new IOException("writing the archive to standard output failed (a closed pipe, or no space"
                        + " left where it goes)");
            }
        } else {
            result = appliances.build(request, console);
        }
        if (cmd.graph != null && result.resolution() != null) {
            GraphOutput.write(result.resolution().toDot(GraphOutput.depth(cmd.graphDepth)), cmd.graph);
        }
        if (cmd.explain != null) {
            Explain.print(result.resolution(), cmd.explain, new PrintWriter(System.out));
            return 0;
        }
        if (result.sizes() != null) {
            SizeReports.print(result.sizes(), console);
        }
        summarize(result, toStdout ? "standard output" : cmd.output);
        return 0;
    }

    /** The summary line on a terminal: output, packages, files, size and time. */
    private void summarize(BuildResult result, String where) {
        if (!console.showsSummary()) {
            return;
        }
        if (result.upToDate()) {
            Path out = result.output();
            console.summary(List.of(out + " is up to date (--if-newer)", out.getFileName() + " is up to date"), List.of());
            return;
        }
        String shown = result.output() == null ? where : result.output().toString();
        String time = " in " + ProgressBar.duration(result.elapsedNanos() / 1e9);
        String name = shown.lastIndexOf('/') >= 0 ? shown.substring(shown.lastIndexOf('/') + 1) : shown;
        console.summary(List.of("built " + shown + " (" + result.format() + ")" + time, "built " + shown + time,
                        "built " + name + time),
                List.of(result.packages().size() + " packages", result.files() + " files",
                        ProgressBar.mib(result.bytes())));
    }
}
