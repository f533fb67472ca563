package org.jsupermin.tree;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.util.Threads;

/**
 * Work started on a daemon thread of its own, whose result (or exception, rethrown as if the
 * work had run in the caller) is taken later.
 *
 * @param <T> the result type
 */
final class Background<T> {

    private final Future<T> task;
    private final String name;

    private Background(String name, Future<T> task) {
        this.task = task;
        this.name = name;
    }

    /** Starts {@code work} on a thread called {@code name}. */
    static <T> Background<T> start(String name, Callable<T> work) {
        return new Background<>(name, Threads.start(name, work));
    }

    /** Waits for the result; everything the work did is visible to the caller afterwards. */
    T join() throws IOException, PackageDatabaseException {
        return await(task, name);
    }

    /** Waits for {@code work}'s result, its exception rethrown as if the work had run here. */
    static <T> T await(Future<T> work, Object what) throws IOException, PackageDatabaseException {
        return Threads.await(work, PackageDatabaseException.class, String.valueOf(what));
    }
}
