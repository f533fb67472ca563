package org.jsupermin.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jsupermin.util.Subprocess;

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
        Subprocess.Result r;
        try {
            r = Subprocess.run(command, dir, input);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            throw new FormatException(what + ": cannot run " + command.get(0) + " (" + e.getMessage()
                    + "); install it (" + packageOf(command.get(0)) + ")", e);
        }
        String err = r.stderr().trim();
        if (r.exitCode() != 0) {
            throw new FormatException(what + ": " + command.get(0) + " exited with " + r.exitCode()
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
