package org.jsupermin.cli;

/** The {@code supermin} command's entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // a thread whose failure nobody waits for says so in one line, not with a stack trace
        Thread.setDefaultUncaughtExceptionHandler(new Thread.UncaughtExceptionHandler() {
            @Override
            public void uncaughtException(Thread t, Throwable e) {
                System.err.println("supermin: " + t.getName() + " stopped: " + Shown.of(String.valueOf(e)));
            }
        });
        System.exit(SuperminCommand.run(args));
    }
}
