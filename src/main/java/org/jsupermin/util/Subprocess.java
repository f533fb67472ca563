package org.jsupermin.util;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs an external command with LANG=C and collects its output. */
public final class Subprocess {

    /**
     * What a finished command left.
     *
     * @param exitCode its exit status
     * @param stdout standard output bytes
     * @param stderr standard error as text
     */
    public record Result(int exitCode, byte[] stdout, String stderr) {
        /** Standard output as UTF-8 text. */
        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private Subprocess() {
    }

    /** Runs {@code command} in {@code dir} (or the current directory when null) and waits for it. */
    public static Result run(List<String> command, Path dir) throws IOException {
        return run(command, dir, null);
    }

    /** The same, with {@code stdin} (a file, or nothing when null) as standard input. */
    public static Result run(List<String> command, Path dir, Path stdin) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(stdin.toFile()));
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> copy(p.getErrorStream(), err), "stderr-" + command.get(0));
        errReader.start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            int code = p.waitFor();
            errReader.join();
            return new Result(code, out, err.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
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
