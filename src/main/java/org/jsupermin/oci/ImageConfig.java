package org.jsupermin.oci;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an image's configuration says besides its layers: the Dockerfile notions given on the
 * command line, the platform and the creation time. Lists keep their order; sets and maps are
 * sorted, so the configuration's bytes depend only on the values.
 *
 * @param platform the image's architecture, variant and operating system
 * @param created seconds since the epoch (SOURCE_DATE_EPOCH or the project's fixed default)
 * @param entrypoint the entry point, or null when none is set
 * @param cmd the default command (or the entry point's arguments), or null when none is set
 * @param env "KEY=value" items in order, PATH first unless the command line replaced it
 * @param workingDir the working directory, or null
 * @param user the user (name, uid, "uid:gid"), or null
 * @param volumes the volume mount points, sorted
 * @param exposedPorts exposed ports as "PORT/proto", sorted
 * @param labels labels by key, sorted
 * @param stopSignal the stop signal ("SIGTERM"), or null
 */
public record ImageConfig(Platform platform, long created, List<String> entrypoint, List<String> cmd,
                          List<String> env, String workingDir, String user, SortedSet<String> volumes,
                          SortedSet<String> exposedPorts, SortedMap<String, String> labels, String stopSignal) {

    /** The PATH a container gets unless {@code --env PATH=…} replaces it. */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public ImageConfig {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        env = List.copyOf(env);
        volumes = Collections.unmodifiableSortedSet(new TreeSet<>(volumes));
        exposedPorts = Collections.unmodifiableSortedSet(new TreeSet<>(exposedPorts));
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /** A configuration with only the default PATH, for the given platform and time. */
    public static ImageConfig minimal(Platform platform, long created) {
        return new ImageConfig(platform, created, null, null, List.of("PATH=" + DEFAULT_PATH), null, null,
                new TreeSet<>(), new TreeSet<>(), new TreeMap<>(), null);
    }
}
