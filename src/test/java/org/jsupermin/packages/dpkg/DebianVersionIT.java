package org.jsupermin.packages.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DebianVersion} agrees with {@code dpkg --compare-versions} on thousands of generated pairs. */
class DebianVersionIT {

    private static final int PAIRS = 2500;
    private static final String ALNUM = "0123456789abcxyzABZ";

    @Test
    void agreesWithDpkgOnGeneratedPairs(@TempDir Path tmp) throws Exception {
        Random random = new Random(20261101L);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            String a = generate(random);
            // half of the pairs share a prefix so that the interesting tails get compared
            String b = random.nextBoolean() ? generate(random) : mutate(a, random);
            assertTrue(DebianVersion.isValid(a), a);
            assertTrue(DebianVersion.isValid(b), b);
            pairs.add(new String[] {a, b});
        }
        StringBuilder script = new StringBuilder("set -u\ncommand -v dpkg >/dev/null || { echo 'dpkg missing' >&2; exit 3; }\n");
        for (String[] p : pairs) {
            script.append("if dpkg --compare-versions '").append(p[0]).append("' lt '").append(p[1])
                    .append("'; then echo -1; elif dpkg --compare-versions '").append(p[0]).append("' eq '")
                    .append(p[1]).append("'; then echo 0; else echo 1; fi\n");
        }
        Path file = tmp.resolve("compare.sh");
        Files.writeString(file, script.toString());
        List<String> results = run(file, tmp);
        assertEquals(pairs.size(), results.size(), "one answer per pair");
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i);
            int ours = Integer.signum(DebianVersion.INSTANCE.compare(p[0], p[1]));
            int dpkg = Integer.parseInt(results.get(i).trim());
            if (ours != dpkg) {
                mismatches.add(p[0] + " vs " + p[1] + ": dpkg " + dpkg + ", ours " + ours);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static List<String> run(Path script, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", script.toString())
                .directory(dir.toFile())
                .redirectError(dir.resolve("stderr").toFile())
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "dpkg comparisons finished");
        String err = Files.readString(dir.resolve("stderr"));
        assertEquals(0, process.exitValue(), "running dpkg --compare-versions failed (is dpkg installed?): " + err);
        return out.lines().toList();
    }

    /** A random valid version: [epoch:]upstream[-revision]. */
    static String generate(Random r) {
        StringBuilder b = new StringBuilder();
        boolean epoch = r.nextInt(4) == 0;
        if (epoch) {
            b.append(r.nextInt(3)).append(':');
        }
        boolean revision = r.nextInt(3) != 0;
        b.append((char) ('0' + r.nextInt(10)));
        String upstreamChars = ALNUM + ".+~" + (revision ? "-" : "") + (epoch ? ":" : "");
        append(b, r, upstreamChars, r.nextInt(7));
        if (revision) {
            b.append('-');
            append(b, r, ALNUM + ".+~", 1 + r.nextInt(4));
        }
        return b.toString();
    }

    private static String mutate(String a, Random r) {
        int hyphen = a.lastIndexOf('-');
        String chars = hyphen >= 0 ? ALNUM + ".+~" : ALNUM + ".+~";
        StringBuilder b = new StringBuilder(a.substring(0, Math.max(1, a.length() - r.nextInt(3))));
        if (b.charAt(b.length() - 1) == '-' || b.charAt(b.length() - 1) == ':') {
            b.append('0');
        }
        append(b, r, chars, r.nextInt(3));
        String s = b.toString();
        return DebianVersion.isValid(s) ? s : a;
    }

    private static void append(StringBuilder b, Random r, String chars, int n) {
        for (int i = 0; i < n; i++) {
            // digits runs are more interesting with several digits
            b.append(chars.charAt(r.nextInt(chars.length())));
        }
    }
}
