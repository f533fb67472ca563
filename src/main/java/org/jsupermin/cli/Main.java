package org.jsupermin.cli;

/** The {@code supermin} command's entry point. */
public final class Main {

    /** A thread whose failure nobody waits for says so in one line, not with a stack trace. */
    static final class UncaughtFailure implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread t, Throwable e) {
            System.err.println("supermin: " + t.getName() + " stopped: " + Shown.of(String.valueOf(e)));
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtFailure());
        System.exit(SuperminCommand.run(args));
    }
}
