package org.jsupermin.util;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** Waiting for threads and background work, whose failures surface as if the work had run in the caller. */
public final class Threads {

    private Threads() {
    }

    /** Runs {@code work} on a daemon thread called {@code name}; its result comes through the future. */
    public static <T> Future<T> start(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return task;
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

    /**
     * The result of {@code work}. Its failure is rethrown as it was: an {@link IOException}, a
     * {@code checked} exception, an unchecked exception or an error; any other checked exception
     * comes wrapped in an IOException. An interrupt while waiting becomes an
     * {@link InterruptedIOException} naming {@code what} was waited for.
     */
    public static <T, X extends Exception> T await(Future<T> work, Class<X> checked, String what) throws IOException, X {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException x = new InterruptedIOException("interrupted while waiting for " + what);
            x.initCause(e);
            throw x;
        } catch (ExecutionException e) {
            throw rethrow(e.getCause(), checked);
        }
    }

    /**
     * Throws {@code failure} as it is when it is an {@link IOException}, a {@code checked}
     * exception, an unchecked exception or an error; else wraps it in an IOException. Declared to
     * return one so that callers can write {@code throw rethrow(...)}.
     */
    public static <X extends Exception> IOException rethrow(Throwable failure, Class<X> checked) throws IOException, X {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (checked.isInstance(failure)) {
            throw checked.cast(failure);
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        return new IOException(String.valueOf(failure), failure);
    }
}
