package org.jsupermin.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzzes the copyright file reader and the license mapping (seeds under
 * {@code CopyrightFuzzTestInputs}: the fixture copyright files of {@code test-fixtures/copyright}).
 * Nothing may come out of them but an expression: NOASSERTION, or a valid SPDX expression of
 * listed identifiers and {@code LicenseRef-}s that the document defines, the same each time.
 */
class CopyrightFuzzTest {

    private static final Pattern REF = Pattern.compile("LicenseRef-[A-Za-z0-9.-]+");

    @FuzzTest
    void copyright(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        ExtractedLicenses extracted = new ExtractedLicenses();
        String expression = new LicenseExpressions(extracted).of(DebianCopyright.parse(text));
        assertNotNull(expression);
        assertEquals(expression, new LicenseExpressions(extracted).of(DebianCopyright.parse(text)), "not repeatable");
        if (expression.equals(LicenseExpressions.NOASSERTION)) {
            return;
        }
        TreeSet<String> defined = new TreeSet<>();
        for (ExtractedLicense l : extracted.all()) {
            defined.add(l.id());
            assertTrue(REF.matcher(l.id()).matches(), l.id());
            assertFalse(l.text().isBlank(), l.id());
        }
        Matcher m = REF.matcher(expression);
        while (m.find()) {
            assertTrue(defined.contains(m.group()), m.group() + " is not defined: " + expression);
        }
        // with each LicenseRef replaced by a listed identifier, a valid expression of listed ones
        assertNotNull(SpdxExpressions.canonical(REF.matcher(expression).replaceAll("MIT")), expression);
        // os-release is read by the same kind of code: it must not fail either
        assertNotNull(OsRelease.parse(text).distro());
    }
}
