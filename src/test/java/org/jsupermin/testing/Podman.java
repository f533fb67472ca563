package org.jsupermin.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real podman with storage of its own under a test's directory (vfs, as it works on these
 * machines), running containers with no network and the limits that work here.
 */
public final class Podman {

    private final Path root;
    private final Path runRoot;

    public Podman(Path root, Path runRoot) {
        this.root = root;
        this.runRoot = runRoot;
    }

    /** Runs {@code podman ARGS...} with this storage. */
    public Commands.Result podman(long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>(List.of("podman", "--storage-driver", "vfs", "--root", root.toString(),
                "--runroot", runRoot.toString()));
        command.addAll(List.of(args));
        return Commands.run(command, null, Map.of(), timeoutSeconds);
    }

    /** Runs {@code image} (with {@code command}, if any) in a container that is removed after. */
    public Commands.Result run(long timeoutSeconds, String image, String... command) {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--network", "none", "--ulimit", "nofile=1024:1024",
                "--ulimit", "nproc=1024:1024", image));
        args.addAll(List.of(command));
        return podman(timeoutSeconds, args.toArray(String[]::new));
    }
}
