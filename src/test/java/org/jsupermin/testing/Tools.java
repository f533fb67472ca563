package org.jsupermin.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code supermin} (jsupermin) (target/jsupermin.jar), the reference supermin and other real tools. */
public final class Tools {

    /** The jar the package phase built. */
    public static final Path JAR = Path.of("target/jsupermin.jar").toAbsolutePath();

    /** The launcher users run. */
    public static final Path LAUNCHER = Path.of("bin/supermin").toAbsolutePath();

    private Tools() {
    }

    /**
     * A finished command.
     *
     * @param exit exit status
     * @param stdout standard output
     * @param stderr standard error
     */
    public record Result(int exit, String stdout, String stderr) {
        /** Throws with the output when the command failed. */
        public Result orFail(String what) {
            if (exit != 0) {
                throw new AssertionError(what + " exited " + exit + "\nstdout: " + stdout + "\nstderr: " + stderr);
            }
            return this;
        }
    }

    /** jsupermin with these arguments. */
    public static Result jsupermin(String... args) {
        return jsupermin(Map.of(), args);
    }

    /** jsupermin with extra environment variables. */
    public static Result jsupermin(Map<String, String> env, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new AssertionError(JAR + " is missing: run the integration tests with mvn verify");
        }
        // the real launcher, as users run it (it also makes the JVM decode file names as UTF-8)
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        return run(cmd, env);
    }

    /** The reference supermin (Debian package supermin); a missing one fails the test. */
    public static Result reference(String... args) {
        requireTool("supermin", "/usr/bin/supermin", "apt-get install supermin");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/supermin"));
        cmd.addAll(List.of(args));
        return run(cmd, Map.of());
    }

    /** Any command. */
    public static Result run(String... cmd) {
        return run(List.of(cmd), Map.of());
    }

    /** Any command with extra environment variables; at most 10 minutes. */
    public static Result run(List<String> cmd, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.environment().put("LANG", "C");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread t = new Thread(() -> copy(p.getErrorStream(), err));
            t.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            t.join();
            return new Result(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("running " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Fails (never skips) when a tool the test needs is not installed. */
    public static void requireTool(String name, String path, String install) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new AssertionError(name + " is required by this test but " + path + " is missing; " + install);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
