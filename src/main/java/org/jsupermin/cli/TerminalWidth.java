package org.jsupermin.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The width of the terminal that standard error is, without native code: {@code stty size} reads
 * it from the terminal driver, once at start and again after each SIGWINCH (when the JVM lets a
 * program handle that signal), each time on a thread of its own so that nothing waits for it.
 * Until the first answer only a {@code COLUMNS} from the environment is known; after a failed
 * query, {@code COLUMNS} or 80.
 */
final class TerminalWidth {

    static final int FALLBACK = 80;

    private final int fromEnvironment;
    /** The last width read, or 0 while none is known. */
    private volatile int columns;

    private TerminalWidth(int fromEnvironment) {
        this.fromEnvironment = fromEnvironment;
        this.columns = fromEnvironment;
    }

    /** Starts following the terminal's width. */
    static TerminalWidth follow(Map<String, String> env) {
        TerminalWidth width = new TerminalWidth(parse(env.get("COLUMNS")));
        width.query();
        width.onResize();
        return width;
    }

    /** A fixed width (tests). */
    static TerminalWidth fixed(int columns) {
        return new TerminalWidth(columns);
    }

    /** The width in columns, or 0 while it is not known yet. */
    int columns() {
        return columns;
    }

    private void query() {
        Thread t = new Thread(() -> {
            int read = stty();
            columns = read > 0 ? read : fromEnvironment > 0 ? fromEnvironment : FALLBACK;
        }, "terminal-width");
        t.setDaemon(true);
        t.start();
    }

    /** Asks again after each SIGWINCH; without the signal the first width stays. */
    private void onResize() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), signal -> query());
        } catch (Throwable e) {
            // no such signal here, or the JVM keeps it: the width read at start is used throughout
        }
    }

    /** The columns {@code stty size} reports for /dev/tty, or 0. */
    private static int stty() {
        try {
            Process p = new ProcessBuilder("stty", "size")
                    .redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String answer;
            try (InputStream in = p.getInputStream()) {
                answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            }
            if (p.waitFor() != 0) {
                return 0;
            }
            int space = answer.indexOf(' ');
            return space < 0 ? 0 : parse(answer.substring(space + 1));
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int parse(String text) {
        if (text == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(text.trim());
            return n > 0 && n < 10_000 ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
