package org.jsupermin.packages.pacman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsupermin.testing.Tools;
import org.jsupermin.testing.VersionPieces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares {@link PacmanVersion#compare} with libalpm's own {@code alpm_pkg_vercmp} (Debian's
 * {@code libalpm13}, called from Python through ctypes) on generated pairs, and shows the circle
 * that keeps the fuzz target from asking every triple to be transitive.
 */
class PacmanVersionIT {

    private static final String LIBALPM = "/usr/lib/x86_64-linux-gnu/libalpm.so.13";
    private static final VersionPieces PIECES = new VersionPieces(
        "0", "00", "1", "01", "2", "9", "10", "100", "a", "b", "z", "A", "Z", "rc", "git", "pre", "alpha",
        ".", ".", ".", "_", "+", "~", "%", "-", "-", ":"
    );

    @Test
    void agreesWithLibalpmOnGeneratedPairs(@TempDir Path dir) throws Exception {
        List<String[]> pairs = new ArrayList<>();
        Random r = new Random(20261203L);
        while (pairs.size() < 4000) {
            String a = PIECES.version(r);
            String b = switch (r.nextInt(3)) {
                case 0 -> PIECES.version(r);
                case 1 -> PIECES.mutate(r, a);
                default -> a + PIECES.piece(r);
            };
            pairs.add(new String[] {a, b});
        }
        // libalpm orders these in a circle: '~' > '%b' > '5' > '~'
        pairs.add(new String[] {"~", "%b"});
        pairs.add(new String[] {"%b", "5"});
        pairs.add(new String[] {"5", "~"});
        List<Integer> expected = libalpm(dir, pairs);
        int disagreements = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < pairs.size(); i++) {
            int actual = Integer.signum(PacmanVersion.INSTANCE.compare(pairs.get(i)[0], pairs.get(i)[1]));
            if (expected.get(i) != actual) {
                disagreements++;
                if (disagreements <= 20) {
                    report.append(String.format("'%s' vs '%s': libalpm %d, ours %d%n", pairs.get(i)[0],
                            pairs.get(i)[1], expected.get(i), actual));
                }
            }
        }
        assertEquals(0, disagreements, report.toString());
        int n = pairs.size();
        assertEquals(List.of(1, 1, 1), expected.subList(n - 3, n), "libalpm's own circle");
    }

    /** libalpm's answers (-1, 0, 1), one per pair. */
    private static List<Integer> libalpm(Path dir, List<String[]> pairs) throws Exception {
        if (!Files.isRegularFile(Path.of(LIBALPM))) {
            throw new AssertionError("libalpm is required by this test but " + LIBALPM + " is missing; apt-get install libalpm13");
        }
        StringBuilder in = new StringBuilder();
        for (String[] p : pairs) {
            in.append(p[0]).append('\t').append(p[1]).append('\n');
        }
        Path input = Files.writeString(dir.resolve("pairs.txt"), in.toString(), StandardCharsets.US_ASCII);
        Path script = Files.writeString(dir.resolve("vercmp.py"), String.join("\n",
                "import ctypes, sys",
                "alpm = ctypes.CDLL(sys.argv[1])",
                "alpm.alpm_pkg_vercmp.argtypes = [ctypes.c_char_p, ctypes.c_char_p]",
                "alpm.alpm_pkg_vercmp.restype = ctypes.c_int",
                "for line in open(sys.argv[2], 'rb'):",
                "    a, b = line.rstrip(b'\\n').split(b'\\t')",
                "    r = alpm.alpm_pkg_vercmp(a, b)",
                "    print((r > 0) - (r < 0))",
                ""));
        Tools.Result result = Tools.run("python3", script.toString(), LIBALPM, input.toString()).orFail("vercmp.py");
        List<Integer> answers = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            if (!line.isBlank()) {
                answers.add(Integer.parseInt(line.strip()));
            }
        }
        assertEquals(pairs.size(), answers.size(), "libalpm answered for every pair");
        assertTrue(answers.contains(-1) && answers.contains(0) && answers.contains(1), "every answer occurs");
        return answers;
    }
}
