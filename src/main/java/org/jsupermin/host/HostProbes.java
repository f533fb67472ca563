package org.jsupermin.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.jsupermin.util.Threads;

/**
 * Looks at many host files at once: a helper thread probes them while the caller is still
 * listing them, and the caller joins in once its list is complete. The lstat, access and readlink
 * calls behind the thousands of files of a package set are most of the tree's assembly time, the
 * JVM's own work around each call being several times the system call's. Each result lands at
 * its file's index, so the outcome does not depend on which thread made it.
 */
public final class HostProbes {

    /** Files a thread takes at a time: few enough that neither waits long for the other at the end. */
    private static final int CHUNK = 128;
    /** How long the helper sleeps when it has caught up with the lister. */
    private static final long WAIT_NANOS = 50_000;

    private final Path[] hosts;
    private final HostProbe[] probes;
    /** How many of {@code hosts} are listed; a volatile write publishes each one to the helper. */
    private volatile int listed;
    private volatile boolean complete;
    private final AtomicInteger next = new AtomicInteger();
    private final Future<Void> helper;

    /** Starts probing the files that {@link #add} will list, at most {@code capacity} of them. */
    public HostProbes(int capacity) {
        this.hosts = new Path[capacity];
        this.probes = new HostProbe[capacity];
        // a second thread only where there is a second core, and enough files to share
        boolean share = capacity > CHUNK && Runtime.getRuntime().availableProcessors() > 1;
        this.helper = share ? Threads.start("lstat", () -> {
            work();
            return null;
        }) : null;
    }

    /** Lists {@code host} for probing; returns the index its probe will have. Only from the creating thread. */
    public int add(Path host) {
        int i = listed;
        hosts[i] = host;
        listed = i + 1;
        return i;
    }

    /** The host file listed at index {@code i}. */
    public Path host(int i) {
        return hosts[i];
    }

    /** Ends the list and returns the probe of each listed file, index for index. */
    public HostProbe[] finish() throws IOException {
        complete = true;
        work();
        if (helper != null) {
            Threads.await(helper, RuntimeException.class, "lstat"); // also makes the helper's results visible here
        }
        return probes;
    }

    private void work() {
        for (int start = next.getAndAdd(CHUNK); ; start = next.getAndAdd(CHUNK)) {
            int end = start + CHUNK;
            while (listed < end && !complete) {
                LockSupport.parkNanos(WAIT_NANOS);
            }
            int available = listed; // final once complete
            if (start >= available) {
                return;
            }
            for (int i = start; i < Math.min(end, available); i++) {
                probes[i] = HostProbe.of(hosts[i]);
            }
        }
    }
}
