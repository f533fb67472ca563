package org.jsupermin.format;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs the few helper tools a chroot needs (mkfifo, mknod, setfattr) with LANG=C. */
final class ChrootCommands {

    /** Keeps each command line well under the kernel's argument limit. */
    static final int MAX_ARGS = 500;

    private ChrootCommands() {
    }

    /**
     * Runs {@code command} in {@code dir}, feeding {@code input} (or nothing) on stdin.
     *
     * @throws FormatException when it cannot start or exits non-zero, with its error output
     */
    static void run(List<String> command, Path dir, Path input, String what) throws FormatException, IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(input == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                        : ProcessBuilder.Redirect.from(input.toFile()));
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new FormatException(what + ": cannot run " + command.get(0) + " (" + e.getMessage()
                    + "); install it (" + packageOf(command.get(0)) + ")", e);
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(what + ": interrupted", e);
        }
        if (code != 0) {
            throw new FormatException(what + ": " + command.get(0) + " exited with " + code
                    + (err.isEmpty() ? "" : ": " + err));
        }
    }

    private static String packageOf(String tool) {
        return switch (tool) {
            case "setfattr" -> "package attr";
            case "mkfifo", "mknod", "touch" -> "package coreutils";
            default -> "the package providing " + tool;
        };
    }
}
