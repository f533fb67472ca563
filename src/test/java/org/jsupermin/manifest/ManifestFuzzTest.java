package org.jsupermin.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jsupermin.testing.FuzzScratch;

/**
 * Fuzzes the supermin.d reader. An input is up to five files separated by the line
 * {@code --8<--}, written (in this order) as {@code packages}, {@code hostfiles},
 * {@code excludefiles}, {@code base.tar.gz} and {@code sub/init.tar.gz} of a supermin.d whose
 * content decides what each is; seeds (under {@code ManifestFuzzTestInputs}) are a prepared
 * supermin.d's files, plain and compressed. Only {@link ManifestException} may come out, naming
 * a file of the input; nothing is written; a package list written by {@link ManifestWriter}
 * reads back as the same names.
 */
class ManifestFuzzTest {

    private static final byte[] SEPARATOR = "\n--8<--\n".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> NAMES = List.of("packages", "hostfiles", "excludefiles", "base.tar.gz",
            "sub/init.tar.gz");

    @FuzzTest
    void supermind(byte[] data) throws Exception {
        try (FuzzScratch s = FuzzScratch.open()) {
            List<byte[]> parts = split(data);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < parts.size() && i < NAMES.size(); i++) {
                s.write("supermin.d/" + NAMES.get(i), parts.get(i));
                expected.add("supermin.d/" + NAMES.get(i));
            }
            if (expected.contains("supermin.d/sub/init.tar.gz")) {
                expected.add("supermin.d/sub");
            }
            expected.add("supermin.d");
            expected.sort(null);
            Path dir = s.dir().resolve("supermin.d");
            try {
                Manifest m = ManifestReader.read(List.of(dir));
                assertEquals(new ArrayList<>(new TreeSet<>(m.packages())), m.packages());
                for (String p : m.packages()) {
                    assertFalse(p.isBlank());
                }
                for (String h : m.hostfiles()) {
                    assertFalse(h.isBlank());
                }
                assertTrue(m.inputFiles().size() <= parts.size());
            } catch (ManifestException e) {
                assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
            }
            s.assertOnly(expected);
        }
    }

    /** Package names written by ManifestWriter read back as the same sorted names. */
    @FuzzTest
    void packageListRoundTrip(byte[] data) throws Exception {
        TreeSet<String> names = new TreeSet<>();
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
            if (!line.strip().isEmpty()) {
                names.add(line.strip());
            }
        }
        if (names.isEmpty() || !isAsciiAlnum(names.first().charAt(0))) {
            return; // not a package list by its content
        }
        try (FuzzScratch s = FuzzScratch.open()) {
            Path dir = s.dir();
            try {
                ManifestWriter.write(dir, names, List.of(), 0);
            } catch (ManifestException e) {
                // a name no package list can hold is refused before anything is written
                assertTrue(e.getMessage().contains("is not a package name"), e.getMessage());
                s.assertOnly(List.of());
                return;
            }
            Manifest m = ManifestReader.read(List.of(dir));
            assertEquals(new ArrayList<>(names), m.packages());
            assertEquals(List.of(dir.resolve("base.tar.gz")), m.baseImages());
            s.assertOnly(List.of("base.tar.gz", "packages"));
        }
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static List<byte[]> split(byte[] data) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + SEPARATOR.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + SEPARATOR.length, SEPARATOR, 0, SEPARATOR.length)) {
                out.add(java.util.Arrays.copyOfRange(data, start, i));
                start = i + SEPARATOR.length;
                i = start - 1;
            }
        }
        out.add(java.util.Arrays.copyOfRange(data, start, data.length));
        return out;
    }
}
