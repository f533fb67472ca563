package org.jsupermin.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jsupermin.util.FileTrees;
import org.jsupermin.util.Subprocess;
import org.jsupermin.util.TempFiles;

/**
 * The file {@code --graph} writes: the DOT text, or for a name ending in .svg or .png the graph
 * rendered by Graphviz's {@code dot}, which must then be installed. Written beside the file and
 * renamed into place ({@link TempFiles#replace}), so a failed rendering leaves any previous file
 * as it was.
 */
final class GraphOutput {

    private GraphOutput() {
    }

    /** The --graph-depth value: -1 without one; a usage error unless a whole number of 0 or more. */
    static int depth(String text) throws UsageException {
        if (text == null) {
            return -1;
        }
        try {
            int depth = Integer.parseInt(text);
            if (depth >= 0) {
                return depth;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("--graph-depth " + text + ": give a number of dependencies, 0 or more");
    }

    /** The Graphviz output format a file name asks for ("svg", "png"), or null for DOT text. */
    static String renderedFormat(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".svg") ? "svg" : name.endsWith(".png") ? "png" : null;
    }

    /**
     * Fails unless {@code file} can be written as asked: a rendered format needs {@code dot} on
     * the PATH. Checked before any other work, so that a build does not fail at its end.
     */
    static void check(Path file) throws CommandException {
        String format = renderedFormat(file);
        if (format != null && findDot() == null) {
            throw new CommandException("--graph " + file + ": rendering " + format.toUpperCase(Locale.ROOT)
                    + " needs Graphviz's dot, which is not installed; install graphviz, or name the file .dot for the DOT text");
        }
    }

    static void write(String dot, Path file) throws IOException, CommandException {
        String format = renderedFormat(file);
        byte[] text = dot.getBytes(StandardCharsets.UTF_8);
        TempFiles.replace(file, format == null ? text : render(text, format, file), "tmp");
    }

    /** The graph rendered by dot, which works in a private temporary directory. */
    private static byte[] render(byte[] dot, String format, Path file) throws IOException, CommandException {
        String command = findDot();
        if (command == null) {
            check(file);
        }
        Path work = Files.createTempDirectory("jsupermin-graph-");
        try {
            Path source = Files.write(work.resolve("closure.dot"), dot);
            Path out = work.resolve("closure." + format);
            Subprocess.Result r = Subprocess.run(List.of(command, "-T" + format, "-o", out.toString(), source.toString()), null);
            if (r.exitCode() != 0) {
                throw new CommandException("--graph " + file + ": Graphviz's dot failed (exit status " + r.exitCode()
                        + "): " + r.stderr().strip());
            }
            return Files.readAllBytes(out);
        } finally {
            FileTrees.deleteRecursively(work);
        }
    }

    /** The dot command on the PATH, or null. */
    private static String findDot() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "dot");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return null;
    }
}
