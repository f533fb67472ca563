package org.jsupermin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.jsupermin.util.Reporter;

/**
 * The {@link Reporter} that prints: "supermin: " messages by verbosity on standard output, as
 * supermin does (scripts grep it), or on standard error when the output itself goes to standard
 * output; warnings on standard error; and a progress bar on standard error when it is a terminal
 * (never with -q, never on standard output).
 */
final class Console implements Reporter {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 24;

    private final PrintWriter err;
    /** Where info messages go: standard output, or {@link #err} when the output is standard output. */
    private final PrintWriter info;
    private final int verbosity;
    private final boolean quiet;
    private final boolean bar;

    private String phase;
    private long total;
    private long started;
    private long lastDraw;
    private boolean drawn;

    Console(PrintWriter err, PrintWriter info, int verbosity, boolean quiet) {
        this(err, info, verbosity, quiet, !quiet && stderrIsTerminal());
    }

    Console(PrintWriter err, PrintWriter info, int verbosity, boolean quiet, boolean bar) {
        this.err = err;
        this.info = info;
        this.verbosity = verbosity;
        this.quiet = quiet;
        this.bar = bar;
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

    @Override
    public synchronized void begin(String phase, long total) {
        this.phase = phase;
        this.total = total;
        this.started = System.nanoTime();
        this.lastDraw = 0;
    }

    @Override
    public synchronized void progress(long done, long bytes) {
        if (!bar || phase == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && done != total) {
            return;
        }
        lastDraw = now;
        err.print("\r" + line(phase, done, total, bytes, (now - started) / 1e9) + "\033[K");
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void end() {
        clearBar();
        phase = null;
    }

    private void clearBar() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }

    /** One progress line: phase, bar, counts, bytes, rate and time left. */
    static String line(String phase, long done, long total, long bytes, double seconds) {
        StringBuilder b = new StringBuilder("supermin: ").append(phase).append(' ');
        double rate = seconds > 0 ? bytes / seconds : 0;
        if (total > 0) {
            int filled = (int) Math.min(BAR, BAR * done / total);
            b.append('[').append("#".repeat(filled)).append(" ".repeat(BAR - filled)).append("] ");
            b.append(done).append('/').append(total);
        } else {
            b.append(done);
        }
        b.append(String.format(Locale.ROOT, "  %.1f MiB  %.1f MiB/s", bytes / 1048576.0, rate / 1048576.0));
        if (total > 0 && done > 0 && done < total) {
            long left = Math.round(seconds * (total - done) / done);
            b.append(String.format(Locale.ROOT, "  %d:%02d left", left / 60, left % 60));
        }
        return b.toString();
    }

    /** Whether file descriptor 2 is a terminal (a tty or pseudo-terminal). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (Exception e) {
            return false;
        }
    }
}
