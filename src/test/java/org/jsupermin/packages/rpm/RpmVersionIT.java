package org.jsupermin.packages.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsupermin.testing.VersionPieces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compares {@link RpmVersion#compare} with the real rpm's {@code rpm.vercmp} on generated pairs. */
class RpmVersionIT {

    private static final VersionPieces PIECES = new VersionPieces(
        "0", "00", "1", "01", "2", "9", "10", "100", "a", "b", "z", "A", "Z", "rc", "git", "pre",
        ".", ".", ".", "_", "+", "~", "^", "-", "~", "^"
    );

    @Test
    void agreesWithRpmOnGeneratedPairs(@TempDir Path dir) throws Exception {
        List<String[]> pairs = generate(new Random(20261125L), 3000);
        StringBuilder in = new StringBuilder();
        for (String[] p : pairs) {
            in.append(p[0]).append('\t').append(p[1]).append('\n');
        }
        Path input = dir.resolve("pairs.txt");
        Path output = dir.resolve("results.txt");
        Files.writeString(input, in.toString(), StandardCharsets.US_ASCII);
        Path script = dir.resolve("vercmp.lua");
        Files.writeString(script, ""
                + "local out = io.open('" + output + "', 'w')\n"
                + "for line in io.lines('" + input + "') do\n"
                + "  local a, b = line:match('^([^\\t]*)\\t(.*)$')\n"
                + "  out:write(tostring(rpm.vercmp(a, b)), '\\n')\n"
                + "end\n"
                + "out:close()\n");
        Process p = new ProcessBuilder("rpm", "--eval", "%{lua: dofile('" + script + "')}")
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "rpm --eval failed: " + log);
        List<String> results = Files.readAllLines(output);
        assertEquals(pairs.size(), results.size(), "rpm answered for every pair; log: " + log);
        int disagreements = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < pairs.size(); i++) {
            int expected = Integer.parseInt(results.get(i).trim());
            int actual = Integer.signum(RpmVersion.INSTANCE.compare(pairs.get(i)[0], pairs.get(i)[1]));
            if (expected != actual) {
                disagreements++;
                if (disagreements <= 20) {
                    report.append(String.format("%s vs %s: rpm %d, ours %d%n",
                            pairs.get(i)[0], pairs.get(i)[1], expected, actual));
                }
            }
        }
        assertEquals(0, disagreements, report.toString());
    }

    private static List<String[]> generate(Random r, int n) throws IOException {
        List<String[]> pairs = new ArrayList<>();
        while (pairs.size() < n) {
            String a = randomEvr(r);
            String b = switch (r.nextInt(3)) {
                case 0 -> randomEvr(r);
                case 1 -> PIECES.mutate(r, a);
                default -> a + PIECES.piece(r);
            };
            if (!a.isEmpty() && !b.isEmpty()) {
                pairs.add(new String[] {a, b});
            }
        }
        assertTrue(pairs.size() >= 2000);
        return pairs;
    }

    private static String randomEvr(Random r) {
        String epoch = r.nextInt(5) == 0 ? r.nextInt(3) + ":" : "";
        return epoch + PIECES.version(r);
    }
}
