package org.jsupermin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsupermin.util.Reporter;

/**
 * The {@link Reporter} that prints: "supermin: " messages by verbosity on standard output, as
 * supermin does (scripts grep it), or on standard error when the output itself goes to standard
 * output; warnings on standard error; and a progress line ({@link ProgressBar}) and a closing
 * summary on standard error when it is a terminal (never with -q, never on standard output).
 */
final class Console implements Reporter {

    private final PrintWriter err;
    /** Where info messages go: standard output, or {@link #err} when the output is standard output. */
    private final PrintWriter info;
    private final int verbosity;
    private final boolean quiet;
    /** The progress line, or null when there is none (-q, standard error not a terminal). */
    private final ProgressBar bar;

    Console(PrintWriter err, PrintWriter info, int verbosity, boolean quiet) {
        this(err, info, verbosity, quiet, !quiet && stderrIsTerminal());
    }

    Console(PrintWriter err, PrintWriter info, int verbosity, boolean quiet, boolean bar) {
        this(err, info, verbosity, quiet, bar ? TerminalWidth.follow(System.getenv()) : null);
    }

    /** A console drawing its progress line for a terminal {@code width} wide, or none when null. */
    Console(PrintWriter err, PrintWriter info, int verbosity, boolean quiet, TerminalWidth width) {
        this.err = err;
        this.info = info;
        this.verbosity = verbosity;
        this.quiet = quiet;
        this.bar = width == null ? null : new ProgressBar(err, width, this);
    }

    int verbosity() {
        return verbosity;
    }

    @Override
    public synchronized void warning(String message) {
        clearBar();
        err.println("supermin: warning: " + message);
    }

    @Override
    public synchronized void info(int level, String message) {
        if (!quiet && verbosity >= level) {
            clearBar();
            info.println("supermin: " + message);
        }
    }

    /** A line the user asked for (a report): printed whatever the verbosity, even with -q. */
    synchronized void report(String line) {
        clearBar();
        err.println(line);
    }

    /**
     * The run's last line on a terminal, in place of the progress line: what was made, of what,
     * and how long it took: the first of {@code subjects} (ever shorter) that fits the terminal with
     * the {@code facts} (see {@link ProgressBar#summaryLine}). Nothing without a progress line (-q,
     * not a terminal).
     */
    synchronized void summary(List<String> subjects, List<String> facts) {
        if (bar != null) {
            bar.finish(subjects, facts);
        }
    }

    /** Whether a summary would be shown (so that it is not worked out for nothing). */
    boolean showsSummary() {
        return bar != null;
    }

    /** Erases the progress line for good, before the run's last words (an error) are printed. */
    synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }

    @Override
    public void begin(String phase, long total) {
        begin(phase, total, -1);
    }

    @Override
    public synchronized void begin(String phase, long total, long totalBytes) {
        if (bar != null) {
            bar.begin(phase, total, totalBytes);
        }
    }

    @Override
    public synchronized void progress(long done, long bytes) {
        if (bar != null) {
            bar.progress(done, bytes);
        }
    }

    @Override
    public synchronized void end() {
        if (bar != null) {
            bar.end();
        }
    }

    private void clearBar() {
        if (bar != null) {
            bar.clear();
        }
    }

    /** Whether file descriptor 2 is a terminal (a tty or pseudo-terminal). */
    static boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    /** Whether file descriptor 1 is a terminal. */
    static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (Exception e) {
            return false;
        }
    }
}
