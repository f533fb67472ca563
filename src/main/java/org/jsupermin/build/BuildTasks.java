package org.jsupermin.build;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

import org.jsupermin.util.Threads;

/**
 * Every piece of background work of one build: tasks started here (opening the package
 * database, working out the stamp's digest) and work that runs on threads of its own (base images
 * read ahead, a format's early start), handed over to be closed. {@link #close()} is the one
 * place where all of it ends: tasks still running are cancelled, the rest is closed, newest first.
 */
final class BuildTasks implements AutoCloseable {

    private final List<Future<?>> tasks = new ArrayList<>();
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();

    /** Runs {@code work} on a daemon thread called {@code name}. */
    <T> Future<T> start(String name, Callable<T> work) {
        Future<T> task = Threads.start(name, work);
        tasks.add(task);
        return task;
    }

    /** Takes {@code resource} (may be null) to close with the build; returns it. */
    <T extends AutoCloseable> T own(T resource) {
        if (resource != null) {
            owned.push(resource);
        }
        return resource;
    }

    /** The result of a task, its failure rethrown as if the work had run here. */
    static <T> T join(Future<T> task) throws Exception {
        return Threads.await(task, Exception.class, "background work");
    }

    /**
     * Cancels the tasks still running and closes what was handed over, once: a second call does
     * nothing. The first failure to close is thrown.
     */
    @Override
    public void close() throws IOException {
        for (Future<?> t : tasks) {
            t.cancel(true);
        }
        tasks.clear();
        Exception failure = null;
        while (!owned.isEmpty()) {
            try {
                owned.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
    }
}
