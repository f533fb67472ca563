package org.jsupermin.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command for a test and collects its exit status, standard output and standard error. */
public record Shell(int status, String out, String err) {

    /** Runs {@code command} in {@code dir} with {@code env} added to this process's environment. */
    public static Shell run(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().put("LANG", "C");
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path outFile = java.nio.file.Files.createTempFile("shell-out", ".txt");
        Path errFile = java.nio.file.Files.createTempFile("shell-err", ".txt");
        try {
            pb.redirectOutput(outFile.toFile());
            pb.redirectError(errFile.toFile());
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            return new Shell(p.exitValue(), java.nio.file.Files.readString(outFile, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(errFile, StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(outFile);
            java.nio.file.Files.deleteIfExists(errFile);
        }
    }

    /** Runs {@code command} in the current directory. */
    public static Shell run(String... command) throws IOException, InterruptedException {
        return run(null, Map.of(), List.of(command));
    }

    /** This result, or an assertion-style failure describing it when the status is not 0. */
    public Shell ok(String what) {
        if (status != 0) {
            throw new AssertionError(what + " exited with " + status + "\nstdout: " + out + "\nstderr: " + err);
        }
        return this;
    }
}
