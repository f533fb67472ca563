package org.jsupermin.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Debian copyright files to SPDX expressions: the fixtures, single names, database fields. */
class LicenseMappingTest {

    private static final Path FIXTURES = Path.of("test-fixtures/copyright");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "single|GPL-3.0-or-later",
        "several|BSD-3-Clause AND GPL-2.0-or-later AND LGPL-2.1-or-later AND LicenseRef-public-domain AND MIT",
        "alternatives|(Artistic-1.0-Perl OR GPL-1.0-or-later) AND (Artistic-2.0 OR GPL-2.0-or-later) AND BSD-3-Clause",
        "exceptions|GPL-3.0-or-later WITH Autoconf-exception-3.0 AND LicenseRef-GPL-2-with-OpenSSL-exception",
        "unknown-without-text|NOASSERTION",
        "free-form|NOASSERTION",
        "draft-format|BSD-2-Clause AND Zlib",
    })
    void fixtures(String name, String expected) throws IOException {
        ExtractedLicenses extracted = new ExtractedLicenses();
        String text = Files.readString(FIXTURES.resolve(name + ".copyright"));
        assertEquals(expected, new LicenseExpressions(extracted).of(DebianCopyright.parse(text)));
        for (ExtractedLicense l : extracted.all()) {
            assertTrue(expected.contains(l.id()), l.id());
            assertFalse(l.text().isBlank(), l.id());
        }
    }

    @Test
    void extractedTextsComeFromTheirParagraphs() throws IOException {
        ExtractedLicenses extracted = new ExtractedLicenses();
        LicenseExpressions licenses = new LicenseExpressions(extracted);
        licenses.of(DebianCopyright.parse(Files.readString(FIXTURES.resolve("several.copyright"))));
        licenses.of(DebianCopyright.parse(Files.readString(FIXTURES.resolve("exceptions.copyright"))));
        List<ExtractedLicense> all = extracted.all();
        assertEquals(2, all.size());
        assertEquals(new ExtractedLicense("LicenseRef-GPL-2-with-OpenSSL-exception", "GPL-2+ with OpenSSL exception",
                "Placeholder: GPL-2+, with permission to link with OpenSSL."), all.get(0));
        assertEquals(new ExtractedLicense("LicenseRef-public-domain", "public-domain",
                "The author placed this file in the public domain."), all.get(1));
        // the same name with another text is another license
        String other = licenses.of(DebianCopyright.parse("Format: x\n\nFiles: *\nCopyright: c\nLicense: public-domain\n"
                + " Another dedication.\n"));
        assertEquals("LicenseRef-public-domain-2", other);
        assertEquals("LicenseRef-public-domain", licenses.of(DebianCopyright.parse(
                "Format: x\n\nFiles: *\nLicense: public-domain\n\nLicense: public-domain\n"
                + " The author placed this file in the public domain.\n")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GPL-2+|GPL-2.0-or-later",
        "GPL-2|GPL-2.0-only",
        "GPL-2.0+|GPL-2.0-or-later",
        "GPL-3.0|GPL-3.0-only",
        "GPLv2+|GPL-2.0-or-later",
        "GPL|GPL-1.0-or-later",
        "LGPL-2+|LGPL-2.0-or-later",
        "LGPL-2.1+|LGPL-2.1-or-later",
        "LGPL-2.1|LGPL-2.1-only",
        "LGPL-3+|LGPL-3.0-or-later",
        "AGPL-3+|AGPL-3.0-or-later",
        "GFDL-1.3+|GFDL-1.3-or-later",
        "GFDL-NIV-1.3+|GFDL-1.3-no-invariants-or-later",
        "Expat|MIT",
        "BSD-3-clause|BSD-3-Clause",
        "BSD-2-clause|BSD-2-Clause",
        "Apache-2.0|Apache-2.0",
        "Apache-2|Apache-2.0",
        "Artistic|Artistic-1.0-Perl",
        "Artistic-2.0|Artistic-2.0",
        "zlib|Zlib",
        "ISC|ISC",
        "CC0|CC0-1.0",
        "CC0-1.0|CC0-1.0",
        "OpenLDAP-2.8|OLDAP-2.8",
        "MPL-1.1+|MPL-1.1+",
        "BSL-1.0|BSL-1.0",
        "curl|curl",
        "Perl|Artistic-1.0-Perl OR GPL-1.0-or-later",
    })
    void shortNames(String debian, String spdx) {
        assertEquals(spdx, DebianLicenseNames.toSpdx(debian));
    }

    @Test
    void namesWithoutAnSpdxForm() {
        assertNull(DebianLicenseNames.toSpdx("public-domain"));
        assertNull(DebianLicenseNames.toSpdx("permissive"));
        assertNull(DebianLicenseNames.toSpdx("Apache"));
        assertNull(DebianLicenseNames.toSpdx("GPL-9+"));
        assertNull(DebianLicenseNames.withException("GPL-2+", "OpenSSL exception"));
        assertEquals("GPL-2.0-or-later WITH Autoconf-exception-2.0", DebianLicenseNames.withException("GPL-2+", "Autoconf exception"));
        assertEquals("GPL-2.0-only WITH Linux-syscall-note", DebianLicenseNames.withException("GPL-2", "Linux-syscall-note exception"));
        assertEquals("GPL-3.0-or-later WITH Bison-exception-2.2", DebianLicenseNames.withException("GPL-3+", "Bison exception"));
    }

    @Test
    void databaseLicenses() {
        LicenseExpressions licenses = new LicenseExpressions(new ExtractedLicenses());
        assertEquals("GPL-2.0-or-later AND (MIT OR Apache-2.0)", licenses.ofDatabase("gpl-2.0-or-later and (mit or apache-2.0)"));
        assertEquals("GPL-2.0-only WITH Classpath-exception-2.0", licenses.ofDatabase("GPL-2.0-only WITH Classpath-exception-2.0"));
        assertEquals("GPL-2.0-or-later AND MIT", licenses.ofDatabase("GPLv2+ and MIT"));
        assertEquals("BSD-3-Clause OR GPL-2.0-only", licenses.ofDatabase("BSD-3-Clause | GPL-2"));
        assertEquals("NOASSERTION", licenses.ofDatabase("BSD"));
        assertEquals("NOASSERTION", licenses.ofDatabase(""));
        assertEquals("NOASSERTION", licenses.ofDatabase("(MIT"));
    }
}
