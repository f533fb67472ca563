package org.jsupermin.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private Docker engine for integration tests: dockerd as root with vfs storage, no bridge
 * and no iptables, its socket, data and state under one temporary directory removed on close.
 * A missing dockerd or docker CLI fails the test (install docker.io); it never skips.
 */
public final class DockerEngine implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 90;

    private final Path dir;
    private final Process daemon;
    private final String host;
    private final String cli;

    private DockerEngine(Path dir, Process daemon, String cli) {
        this.dir = dir;
        this.daemon = daemon;
        this.host = "unix://" + dir.resolve("docker.sock");
        this.cli = cli;
    }

    /** Starts dockerd and waits until {@code docker version} answers. */
    public static DockerEngine start() throws IOException, InterruptedException {
        Commands.requireTool("dockerd");
        String cli = Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";
        Commands.requireTool(cli);
        if (!"0".equals(Commands.ok("id", "-u").stdout().trim())) {
            throw new AssertionError("DockerEngine starts a private dockerd and needs root");
        }
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "jsd");
        Path log = dir.resolve("dockerd.log");
        List<String> cmd = List.of(Commands.which("dockerd").toString(), "--storage-driver", "vfs",
                "--iptables=false", "--ip6tables=false", "--bridge=none",
                "--host", "unix://" + dir.resolve("docker.sock"), "--data-root", dir.resolve("root").toString(),
                "--exec-root", dir.resolve("exec").toString(), "--pidfile", dir.resolve("pid").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        DockerEngine engine = new DockerEngine(dir, p, cli);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        Commands.Result last = null;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                String tail = tail(log);
                engine.close();
                throw new AssertionError("dockerd exited with " + p.exitValue() + ":\n" + tail);
            }
            if (Files.exists(dir.resolve("docker.sock"))) {
                last = engine.run("version");
                if (last.exitCode() == 0) {
                    return engine;
                }
            }
            Thread.sleep(250);
        }
        String tail = tail(log);
        engine.close();
        throw new AssertionError("dockerd did not answer within " + START_TIMEOUT_SECONDS + " s"
                + (last == null ? "" : "; docker version said: " + last.stderr()) + "\ndockerd log:\n" + tail);
    }

    /** The DOCKER_HOST value of this engine. */
    public String host() {
        return host;
    }

    /** Runs the docker CLI against this engine (10 minute limit). */
    public Commands.Result run(String... dockerArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(cli);
        cmd.addAll(List.of(dockerArgs));
        return Commands.run(cmd, null, Map.of("DOCKER_HOST", host), 600);
    }

    /** {@code docker import TAR TAG}; fails unless it succeeds. */
    public Commands.Result importTar(Path tar, String tag) {
        return run("import", tar.toString(), tag).orFail();
    }

    /** Stops dockerd (SIGTERM, then SIGKILL after 30 s) and removes its directory. */
    @Override
    public void close() {
        try {
            daemon.destroy();
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Commands.run(List.of("rm", "-rf", "--one-file-system", dir.toString()), null, Map.of(), 300);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
