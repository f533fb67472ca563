package org.jsupermin.util;

/**
 * How the core tells the command-line layer what is happening; the core itself never prints.
 * Implementations decide what reaches the terminal (verbosity, progress bars).
 */
public interface Reporter {

    /** A reporter that drops everything (tests, library use). */
    Reporter SILENT = new Reporter() {
    };

    /** Something the user should know although the run goes on. */
    default void warning(String message) {
    }

    /** A message shown at verbosity {@code level} (1 = -v, 2 = -vv, …). */
    default void info(int level, String message) {
    }

    /** A phase starts ("resolving", "copying"); {@code total} units are expected, or -1. */
    default void begin(String phase, long total) {
    }

    /**
     * A phase starts whose work is also measured in bytes: {@code totalBytes} are expected, or -1
     * (time-left estimates come from bytes, as units such as files differ in size).
     */
    default void begin(String phase, long total, long totalBytes) {
        begin(phase, total);
    }

    /** Progress within the current phase: units done so far and bytes written so far. */
    default void progress(long done, long bytes) {
    }

    /** The current phase ends. */
    default void end() {
    }
}
