package org.jsupermin.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs external tools for tests, with LANG=C, capturing output; a missing tool fails loudly. */
public final class Commands {

    /** The outcome of one command. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {

        /** This result, or an AssertionError showing the command and its output. */
        public Result orFail() {
            if (exitCode != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + exitCode
                        + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }

    private Commands() {
    }

    /** Runs a command in {@code dir} (or the current directory) and waits up to {@code timeoutSeconds}. */
    public static Result run(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds) {
        requireTool(command.get(0));
        List<String> resolved = new java.util.ArrayList<>(command);
        resolved.set(0, which(command.get(0)).toString());
        try {
            Path out = Files.createTempFile("cmd", ".out");
            Path err = Files.createTempFile("cmd", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(resolved).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                if (dir != null) {
                    pb.directory(dir.toFile());
                }
                pb.environment().put("LANG", "C");
                pb.environment().put("LC_ALL", "C");
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
                }
                return new Result(command, p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                        new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("running " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    /** Runs a command with a 120 s limit and fails unless it exits 0. */
    public static Result ok(String... command) {
        return run(List.of(command), null, Map.of(), 120).orFail();
    }

    /** The absolute path of a tool, from PATH or the sbin directories. */
    public static Path which(String tool) {
        if (tool.contains("/")) {
            return Files.isExecutable(Path.of(tool)) ? Path.of(tool) : null;
        }
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/local/sbin:/usr/sbin:/sbin";
        for (String d : path.split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return Path.of(d, tool);
            }
        }
        return null;
    }

    /** Fails (never skips) when a tool is missing, naming the Debian package that provides it. */
    public static void requireTool(String tool) {
        if (which(tool) == null) {
            String pkg = switch (tool) {
                case "dockerd", "docker" -> "docker.io";
                case "getfattr", "setfattr" -> "attr";
                case "getcap", "setcap" -> "libcap2-bin";
                default -> "the package providing " + tool;
            };
            throw new AssertionError(tool + " is not installed; install " + pkg + " to run this integration test");
        }
    }
}
