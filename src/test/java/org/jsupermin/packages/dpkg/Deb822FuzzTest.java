package org.jsupermin.packages.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.testing.FuzzScratch;

/**
 * Fuzzes the deb822 readers with whole status and control files (seeds: trimmed real status
 * files and control paragraphs, under {@code Deb822FuzzTestInputs}). Only the readers' own
 * {@link PackageDatabaseException} may come out; the fast scanner and the general parser agree
 * on every input; a file read, written back as deb822 and read again gives the same paragraphs;
 * the status reader's deferred fields fail only with the message naming them.
 */
class Deb822FuzzTest {

    private static final List<String> KEEP = List.of("Package", "Status", "Version", "Architecture", "Multi-Arch",
            "Pre-Depends", "Depends", "Provides", "Origin", "Conffiles");

    /** The scanner and the general parser give the same fields and lines, or the same error. */
    @FuzzTest
    void scannerAgreesWithGeneralParser(byte[] data) {
        Object fast = fieldsOrError(data, true);
        Object general = fieldsOrError(data, false);
        assertEquals(general, fast);
    }

    /** Parse, write back, parse again: the same paragraphs. */
    @FuzzTest
    void paragraphsRoundTrip(byte[] data) throws Exception {
        try (FuzzScratch s = FuzzScratch.open()) {
            Path file = s.write("control", data);
            List<Deb822Paragraph> first;
            try {
                first = Deb822Reader.read(file);
            } catch (PackageDatabaseException e) {
                assertTrue(e.getMessage().startsWith("reading " + file), e.getMessage());
                return;
            }
            String written = write(first);
            if (written == null) {
                return; // a paragraph whose every field name starts with '#' cannot be written back
            }
            Path again = s.write("again", written.getBytes(StandardCharsets.UTF_8));
            List<Deb822Paragraph> second = Deb822Reader.read(again);
            assertEquals(fieldsOf(first), fieldsOf(second), written);
            s.assertOnly(List.of("again", "control"));
        }
    }

    /** The status reader: installed packages, their dependencies and conffiles, or one clear error. */
    @FuzzTest
    void statusFile(byte[] data) throws Exception {
        try (FuzzScratch s = FuzzScratch.open()) {
            Path file = s.write("status", data);
            DpkgStatus status;
            try {
                status = DpkgStatus.read(file);
            } catch (PackageDatabaseException e) {
                assertTrue(e.getMessage().startsWith("reading " + file), e.getMessage());
                return;
            }
            for (InstalledPackage p : status.packages()) {
                try {
                    for (List<Dependency> requirement : p.depends()) {
                        assertTrue(!requirement.isEmpty(), p + ": empty requirement");
                    }
                } catch (IllegalArgumentException e) {
                    // the documented failure of a deferred field: it names the file, line, package and field
                    assertTrue(e.getMessage().startsWith("reading " + file + " line "), e.getMessage());
                }
                try {
                    for (String c : status.conffilesOf(p)) {
                        assertTrue(c.startsWith("/"), c);
                        status.conffileDigest(c);
                    }
                } catch (PackageDatabaseException e) {
                    assertTrue(e.getMessage().startsWith("reading " + file + " line "), e.getMessage());
                }
            }
            s.assertOnly(List.of("status"));
        }
    }

    private static Object fieldsOrError(byte[] data, boolean fast) {
        try {
            List<Deb822Reader.Fields> fields = fast ? Deb822Reader.readFields(data, "status", KEEP)
                    : Deb822Reader.readFieldsGenerally(data, "status", KEEP);
            List<Object> out = new ArrayList<>();
            for (Deb822Reader.Fields f : fields) {
                out.add(f.line());
                out.add(f.from() + "-" + f.to());
                out.add(java.util.Arrays.toString(f.values()));
            }
            return out;
        } catch (PackageDatabaseException e) {
            return e.getMessage();
        }
    }

    private static List<Map<String, String>> fieldsOf(List<Deb822Paragraph> paragraphs) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Deb822Paragraph p : paragraphs) {
            out.add(p.fields());
        }
        return out;
    }

    /**
     * The paragraphs as deb822 text: "Name: first line", continuation lines after a space, a
     * blank line between paragraphs. A name starting with '#' is not written first (a paragraph
     * cannot start with what reads as a comment); null when a paragraph has only such names.
     */
    private static String write(List<Deb822Paragraph> paragraphs) {
        StringBuilder b = new StringBuilder();
        for (Deb822Paragraph p : paragraphs) {
            List<String> names = new ArrayList<>(p.fields().keySet());
            int first = -1;
            for (int i = 0; i < names.size() && first < 0; i++) {
                if (!names.get(i).startsWith("#")) {
                    first = i;
                }
            }
            if (first < 0) {
                return null;
            }
            names.add(0, names.remove(first));
            for (String name : names) {
                String[] lines = p.get(name).split("\n", -1);
                b.append(name).append(": ").append(lines[0]).append('\n');
                for (int i = 1; i < lines.length; i++) {
                    b.append(' ').append(lines[i]).append('\n');
                }
            }
            b.append('\n');
        }
        return b.toString();
    }
}
