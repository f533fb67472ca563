package org.jsupermin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.jsupermin.build.Appliances;
import org.jsupermin.build.PrepareRequest;
import org.jsupermin.build.PrepareResult;

/** {@code --prepare}: the command line as a {@link PrepareRequest}, the preparation, and what it did, printed. */
final class PrepareMode {

    private final SuperminCommand cmd;
    private final Console console;
    private final Appliances appliances;

    PrepareMode(SuperminCommand cmd, Console console, Appliances appliances) {
        this.cmd = cmd;
        this.console = console;
        this.appliances = appliances;
    }

    int run() throws Exception {
        Path out = cmd.output == null ? null : Path.of(cmd.output);
        PrepareRequest request = new PrepareRequest(cmd.arguments, out, cmd.root, cmd.useInstalled, cmd.packagesFrom,
                cmd.explain != null, System.getenv());
        PrepareResult result = appliances.prepare(request, console);
        if (cmd.graph != null) {
            GraphOutput.write(result.resolution().toDot(GraphOutput.depth(cmd.graphDepth)), cmd.graph);
        }
        if (cmd.explain != null) {
            Explain.print(result.resolution(), cmd.explain, new PrintWriter(System.out));
            return 0;
        }
        if (!console.showsSummary()) {
            return 0;
        }
        String time = " in " + ProgressBar.duration(result.elapsedNanos() / 1e9);
        console.summary(List.of("prepared " + out + time, "prepared " + out.getFileName() + time),
                List.of(cmd.arguments.size() + " packages requested",
                        result.resolution().closure().size() + " with dependencies",
                        result.configFiles() + " config files"));
        return 0;
    }
}
