package org.jsupermin.tree;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import org.jsupermin.packages.PackageDatabaseException;

/**
 * Work started on a daemon thread of its own, whose result (or exception, rethrown as if the
 * work had run in the caller) is taken later.
 *
 * @param <T> the result type
 */
final class Background<T> {

    private final FutureTask<T> task;

    private Background(Callable<T> work) {
        this.task = new FutureTask<>(work);
    }

    /** Starts {@code work} on a thread called {@code name}. */
    static <T> Background<T> start(String name, Callable<T> work) {
        Background<T> b = new Background<>(work);
        Thread t = new Thread(b.task, name);
        t.setDaemon(true);
        t.start();
        return b;
    }

    /** Waits for the result; everything the work did is visible to the caller afterwards. */
    T join() throws IOException, PackageDatabaseException {
        return await(task, task);
    }

    /** Waits for {@code work}'s result, its exception rethrown as if the work had run here. */
    static <T> T await(Future<T> work, Object what) throws IOException, PackageDatabaseException {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException x) {
                throw x;
            }
            if (cause instanceof PackageDatabaseException x) {
                throw x;
            }
            if (cause instanceof RuntimeException x) {
                throw x;
            }
            if (cause instanceof Error x) {
                throw x;
            }
            throw new IllegalStateException(cause);
        }
    }
}
