package org.jsupermin.cli;

import java.io.PrintWriter;

import org.jsupermin.util.Reporter;

/** The {@link Reporter} that prints: "supermin: " messages on standard error, by verbosity. */
final class Console implements Reporter {

    private final PrintWriter err;
    private final int verbosity;
    private final boolean quiet;

    Console(PrintWriter err, int verbosity, boolean quiet) {
        this.err = err;
        this.verbosity = verbosity;
        this.quiet = quiet;
    }

    int verbosity() {
        return verbosity;
    }

    @Override
    public void warning(String message) {
        err.println("supermin: warning: " + message);
    }

    @Override
    public void info(int level, String message) {
        if (!quiet && verbosity >= level) {
            err.println("supermin: " + message);
        }
    }
}
