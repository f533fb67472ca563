package org.jsupermin.util;

/** Waiting for threads whose work must finish whatever happens. */
public final class Threads {

    private Threads() {
    }

    /** Waits until {@code t} has ended, even when interrupted (the interrupt is kept for later). */
    public static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
