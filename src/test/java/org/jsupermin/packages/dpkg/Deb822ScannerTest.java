package org.jsupermin.packages.dpkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.jsupermin.packages.PackageDatabaseException;
import org.junit.jupiter.api.Test;

/**
 * The fast status scanner against the general deb822 parser: the same kept fields, paragraph
 * lines and errors, on generated text full of odd lines and on this host's own status file.
 */
class Deb822ScannerTest {

    private static final List<String> KEEP = List.of("Package", "Status", "Version", "Depends", "Conffiles", "Multi-Arch");

    /** Lines of the kinds a scanner must tell apart, including ones that only look alike. */
    private static final String[] LINES = {
        "Package: p", "package: q", "PACKAGE:r", "Status: install ok installed", "Version: 1.0-1",
        "Depends: a (>= 1), b | c", "Conffiles:", " /etc/a 0123", " /etc/b 4567 obsolete",
        "Description: short", " long text", "  indented twice", " .", "\tafter a tab", "Multi-Arch: same",
        "Multi-Arch : spaced", "Multi Arch: spaced name", "no colon here", ":empty name", "Installed-Size: 12",
        "", "", "", "   ", "\t", " \u000b", "\u000b", "\u001f rest", "# a comment", "#Package: commented",
        "Stat\u00fcs: non-ascii name", "Statu\u017f: long s", "Package: caf\u00e9", " \u00e9t\u00e9",
        " \u3000", "\u3000", "Vers\u212aon: kelvin", "Version:", "Version:   padded   ", "X-\u00e9: y",
    };

    @Test
    void generatedTextGivesWhatTheGeneralParserGives() {
        Random random = new Random(20261201L);
        for (int round = 0; round < 3000; round++) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            int lines = random.nextInt(14);
            for (int i = 0; i < lines; i++) {
                text.writeBytes(LINES[random.nextInt(LINES.length)].getBytes(StandardCharsets.UTF_8));
                if (i < lines - 1 || random.nextBoolean()) {
                    text.write('\n');
                }
            }
            if (random.nextInt(10) == 0) {
                text.writeBytes(new byte[] {(byte) 0xff, ':', ' ', (byte) 0xc3}); // malformed UTF-8
            }
            assertSame(text.toByteArray(), "round " + round);
        }
    }

    @Test
    void thisHostsStatusFileGivesWhatTheGeneralParserGives() throws Exception {
        Path status = Path.of("/var/lib/dpkg/status");
        assertTrue(Files.isReadable(status), "the tests run on a Debian host");
        byte[] data = Files.readAllBytes(status);
        assertTrue(Deb822Reader.readFields(data, "status", KEEP).size() > 100);
        assertSame(data, "/var/lib/dpkg/status");
    }

    private static void assertSame(byte[] data, String what) {
        String expected;
        String actual;
        try {
            expected = describe(Deb822Reader.readFieldsGenerally(data, "x", KEEP));
        } catch (PackageDatabaseException e) {
            expected = "error: " + e.getMessage();
        }
        try {
            actual = describe(Deb822Reader.readFields(data, "x", KEEP));
        } catch (PackageDatabaseException e) {
            actual = "error: " + e.getMessage();
        }
        assertEquals(expected, actual, what + ": " + new String(data, StandardCharsets.UTF_8));
    }

    private static String describe(List<Deb822Reader.Fields> fields) {
        StringBuilder b = new StringBuilder();
        for (Deb822Reader.Fields f : fields) {
            b.append(f.line()).append(' ').append(f.from()).append('-').append(f.to()).append(' ')
                    .append(java.util.Arrays.toString(f.values())).append('\n');
        }
        return b.toString();
    }

    @Test
    void keptFieldsAndContinuationsAreRead() throws Exception {
        byte[] data = "Package: p\nDescription: d\n more\nConffiles:\n /etc/a 1\n /etc/b 2\n\n\nPackage: q\n"
                .getBytes(StandardCharsets.UTF_8);
        List<Deb822Reader.Fields> fields = Deb822Reader.readFields(data, "x", KEEP);
        // each paragraph's bytes: from its first field to the end of its last line
        assertEquals(0, fields.get(0).from());
        assertEquals("Package: p\nDescription: d\n more\nConffiles:\n /etc/a 1\n /etc/b 2\n",
                new String(data, fields.get(0).from(), fields.get(0).to() - fields.get(0).from(), StandardCharsets.UTF_8));
        assertEquals("Package: q\n", new String(data, fields.get(1).from(), fields.get(1).to() - fields.get(1).from(),
                StandardCharsets.UTF_8));
        assertEquals(2, fields.size());
        assertArrayEquals(new String[] {"p", null, null, null, "\n/etc/a 1\n/etc/b 2", null}, fields.get(0).values());
        assertEquals(9, fields.get(1).line());
    }
}
