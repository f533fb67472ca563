package org.jsupermin.cli;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The progress line on a terminal: the current phase from its start, then a bar, counts, bytes,
 * rate and time left, redrawn in place with a carriage return and cut to the terminal's width at
 * every redraw, so that it never wraps. A ticker redraws it while a phase makes no progress calls
 * (resolving, reading), so the elapsed time moves. All drawing happens under {@code lock}, the
 * lock the owner also holds while printing its own lines, so a message never lands mid-bar.
 */
final class ProgressBar {

    private static final long TICK_MILLIS = 200;
    private static final long REDRAW_NANOS = 100_000_000L;
    /** No estimate before this much of a phase has run: early rates say little. */
    private static final double ESTIMATE_AFTER_SECONDS = 2.0;
    private static final double ESTIMATE_AFTER_FRACTION = 0.05;
    /** The rate behind an estimate is measured over about this window, so it follows changes. */
    private static final long RATE_WINDOW_NANOS = 3_000_000_000L;
    private static final int MIN_BAR = 10;
    /**
     * The width drawn to while the terminal's is not known yet (its query runs for the first
     * tens of milliseconds): narrower than any terminal in use, so the first phase shows at once.
     */
    static final int PROVISIONAL_COLUMNS = 40;
    private static final int MAX_BAR = 30;

    private final PrintWriter err;
    private final TerminalWidth width;
    private final Object lock;

    private String phase;
    private long total;
    private long totalBytes;
    private long started;
    private long done;
    private long bytes;
    private long lastDraw;
    private boolean drawn;
    private boolean ticking;
    private boolean finished;
    /** (time, bytes) samples of the last few seconds, oldest first. */
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    ProgressBar(PrintWriter err, TerminalWidth width, Object lock) {
        this.err = err;
        this.width = width;
        this.lock = lock;
    }

    /** A phase starts: drawn at once, then at each progress call and tick. */
    void begin(String phase, long total, long totalBytes) {
        synchronized (lock) {
            this.phase = phase;
            this.total = total;
            this.totalBytes = totalBytes;
            this.started = System.nanoTime();
            this.done = 0;
            this.bytes = 0;
            this.samples.clear();
            draw(started);
            startTicker();
        }
    }

    void progress(long done, long bytes) {
        synchronized (lock) {
            if (phase == null) {
                return;
            }
            this.done = done;
            this.bytes = bytes;
            long now = System.nanoTime();
            if (now - lastDraw >= REDRAW_NANOS) {
                draw(now);
            }
        }
    }

    /** The phase ends, and its line goes: what comes next (a phase, a message, an answer on standard output) starts clean. */
    void end() {
        synchronized (lock) {
            phase = null;
            clear();
        }
    }

    /** The run ends (also by an error, which is printed next): the line goes and nothing more is drawn. */
    void close() {
        synchronized (lock) {
            clear();
            phase = null;
            finished = true;
        }
    }

    /** Erases the line, if one is drawn (before another line is printed). */
    void clear() {
        synchronized (lock) {
            if (drawn) {
                err.print("\r\033[K");
                err.flush();
                drawn = false;
            }
        }
    }

    /**
     * Erases the line for good and prints the run's one summary line in its place, fitted to the
     * terminal like the progress line (see {@link #summaryLine}).
     */
    void finish(List<String> subjects, List<String> facts) {
        synchronized (lock) {
            clear();
            phase = null;
            finished = true;
            int columns = width.columns();
            err.println(summaryLine(subjects, facts, columns > 0 ? columns - 1 : TerminalWidth.FALLBACK - 1));
            err.flush();
        }
    }

    /**
     * "supermin: SUBJECT: FACT, FACT, ..." in at most {@code max} characters: the first of the
     * {@code subjects} (ever shorter ways of saying the same) that fits with all facts, else the
     * last with as many facts as fit, else that cut to the width.
     */
    static String summaryLine(List<String> subjects, List<String> facts, int max) {
        for (String subject : subjects) {
            String line = "supermin: " + subject + (facts.isEmpty() ? "" : ": " + String.join(", ", facts));
            if (line.length() <= max) {
                return line;
            }
        }
        String subject = "supermin: " + subjects.get(subjects.size() - 1);
        for (int n = facts.size() - 1; n > 0; n--) {
            String line = subject + ": " + String.join(", ", facts.subList(0, n));
            if (line.length() <= max) {
                return line;
            }
        }
        return subject.length() <= max ? subject : subject.substring(0, Math.max(0, max));
    }

    private void draw(long now) {
        int columns = width.columns() > 0 ? width.columns() : PROVISIONAL_COLUMNS;
        if (phase == null || finished) {
            return;
        }
        lastDraw = now;
        samples.addLast(new long[] {now, bytes});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > RATE_WINDOW_NANOS) {
            samples.removeFirst();
        }
        double seconds = (now - started) / 1e9;
        double rate = rate(now);
        String line = line(phase, done, total, bytes, totalBytes, rate, seconds,
                secondsLeft(seconds, done, total, bytes, totalBytes, rate), columns - 1);
        err.print("\r" + line + "\033[K");
        err.flush();
        drawn = true;
    }

    /** Bytes per second over the sample window, or -1 before a second of it. */
    private double rate(long now) {
        long[] oldest = samples.peekFirst();
        if (oldest == null || now - oldest[0] < 1_000_000_000L) {
            return (now - started) >= 1_000_000_000L ? bytes / ((now - started) / 1e9) : -1;
        }
        return (bytes - oldest[1]) / ((now - oldest[0]) / 1e9);
    }

    /**
     * Seconds left, from bytes when the phase knows its total bytes (files differ too much in
     * size to count them), else from units; -1 until enough of the phase is done to say.
     */
    static double secondsLeft(double seconds, long done, long total, long bytes, long totalBytes, double rate) {
        double fraction = totalBytes > 0 ? (double) bytes / totalBytes : total > 0 ? (double) done / total : -1;
        if (fraction < ESTIMATE_AFTER_FRACTION || fraction >= 1 || seconds < ESTIMATE_AFTER_SECONDS) {
            return -1;
        }
        if (totalBytes > 0 && rate > 0) {
            return (totalBytes - bytes) / rate;
        }
        return seconds * (1 - fraction) / fraction;
    }

    private void startTicker() {
        if (ticking) {
            return;
        }
        ticking = true;
        Thread t = new Thread(this::tick, "progress");
        t.setDaemon(true);
        t.start();
    }

    private void tick() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (lock) {
                if (finished) {
                    return;
                }
                long now = System.nanoTime();
                if (phase != null && now - lastDraw >= TICK_MILLIS * 1_000_000L) {
                    draw(now);
                }
            }
        }
    }

    /**
     * One progress line of at most {@code max} characters: "supermin: PHASE [###   ] done/total
     * size rate time-left". The bar keeps one width through a phase (room is kept for the widest
     * counts, size, rate and estimate the phase can show), so it does not jump as they appear.
     * What does not fit goes, least useful first: the rate, the size, the counts, then the bar
     * shrinks and goes; the time left goes last, and then the phase is cut.
     *
     * @param totalBytes the phase's expected bytes, or negative when not known
     * @param rate bytes per second, or negative when not known
     * @param left seconds left, or negative when not known
     */
    static String line(String phase, long done, long total, long bytes, long totalBytes, double rate, double seconds,
                       double left, int max) {
        String head = "supermin: " + phase;
        String estimate = null;
        if (left >= 0) {
            long s = Math.max(1, Math.round(left));
            estimate = String.format(Locale.ROOT, "%d:%02d left", s / 60, s % 60);
        }
        List<String> items = new ArrayList<>(); // in reading order, which is also the order of usefulness
        if (total > 0) {
            items.add(done + "/" + total);
        } else if (done > 0) {
            items.add(Long.toString(done));
        } else if (bytes <= 0) {
            items.add(String.format(Locale.ROOT, "%.1f s", seconds));
        }
        if (bytes > 0) {
            items.add(mib(bytes));
            if (rate > 0) {
                items.add(mib(rate) + "/s");
            }
        }
        boolean bar = total > 0;
        // "  total/total  size  999.9 MiB/s  9:99 left": the widest tail of the phase
        int widest = 2 * Long.toString(Math.max(total, 0)).length() + 3 + mib(Math.max(bytes, totalBytes)).length() + 2
                + "999.9 MiB/s".length() + 2 + "9:99 left".length() + 2;
        int cells = Math.max(MIN_BAR, Math.min(MAX_BAR, max - head.length() - 3 - widest));
        while (true) {
            StringBuilder tail = new StringBuilder();
            for (String item : items) {
                tail.append("  ").append(item);
            }
            if (estimate != null) {
                tail.append("  ").append(estimate);
            }
            if (bar) {
                int room = max - head.length() - tail.length() - 3;
                if (room >= cells || (items.isEmpty() && room >= MIN_BAR)) {
                    int n = Math.min(cells, room);
                    int filled = (int) Math.min(n, n * Math.max(0, done) / total);
                    return head + " [" + "#".repeat(filled) + " ".repeat(n - filled) + "]" + tail;
                }
            } else if (head.length() + tail.length() <= max) {
                return head + tail;
            }
            if (!items.isEmpty()) {
                items.remove(items.size() - 1);
            } else if (bar) {
                bar = false;
            } else if (estimate != null) {
                estimate = null;
            } else {
                return head.substring(0, Math.max(0, Math.min(head.length(), max)));
            }
        }
    }

    /** A duration as people read it: "4.2 s", "1:05 min". */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d min", s / 60, s % 60);
    }

    /** A size in MiB with one decimal. */
    static String mib(double bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
