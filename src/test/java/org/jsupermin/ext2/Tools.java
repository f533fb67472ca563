package org.jsupermin.ext2;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs the e2fsprogs oracles (e2fsck, debugfs) for integration tests; a missing tool fails the test. */
public final class Tools {

    /** What a finished command printed and returned. */
    public record Result(int exit, String output) {
    }

    private Tools() {
    }

    /** Runs a command with LANG=C, stdout and stderr merged. */
    public static Result run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            fail(command[0] + " is required for this test (install e2fsprogs): " + e.getMessage());
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    /** e2fsck -fn: must exit 0 and report nothing but its five passes and the summary. */
    public static void assertClean(java.nio.file.Path image) throws IOException, InterruptedException {
        Result r = run("e2fsck", "-fn", image.toString());
        List<String> unexpected = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            if (!(line.isBlank() || line.startsWith("Pass ") || line.startsWith("e2fsck ")
                    || line.matches("\\S+: \\d+/\\d+ files \\(.*\\), \\d+/\\d+ blocks"))) {
                unexpected.add(line);
            }
        }
        if (r.exit() != 0 || !unexpected.isEmpty()) {
            fail("e2fsck -fn " + image + " exited " + r.exit() + ":\n" + r.output());
        }
    }

    /** debugfs -R REQUEST image, stdout and stderr merged. */
    public static String debugfs(java.nio.file.Path image, String request) throws IOException, InterruptedException {
        Result r = run("debugfs", "-R", request, image.toString());
        if (r.exit() != 0) {
            fail("debugfs -R '" + request + "' exited " + r.exit() + ":\n" + r.output());
        }
        return r.output();
    }
}
