package org.jsupermin.sbom;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps one of Debian's license short names (copyright-format 1.0, "License Specification") to an
 * SPDX expression: versioned GNU names to {@code -only} / {@code -or-later} identifiers
 * ({@code GPL-2+} → {@code GPL-2.0-or-later}), Debian's own names ({@code Expat} → {@code MIT},
 * {@code Artistic} → {@code Artistic-1.0-Perl}, {@code Perl}), and any name that is an SPDX
 * identifier but for its case ({@code BSD-3-clause}, {@code zlib}).
 */
final class DebianLicenseNames {

    /** A GNU family name, an optional version and an optional "+": "GPL-2+", "LGPL-2.1", "GFDL-NIV-1.3+". */
    private static final Pattern GNU = Pattern.compile(
            "(?i)(GPL|LGPL|AGPL|GFDL|GFDL-NIV)(?:-?v?(\\d+(?:\\.\\d+)?))?(\\+|-or-later|-only)?");

    /** Debian names whose SPDX form is not the same name in another case. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("expat", "MIT"),
            Map.entry("artistic", "Artistic-1.0-Perl"),
            Map.entry("artistic-1", "Artistic-1.0-Perl"),
            Map.entry("artistic-1.0", "Artistic-1.0-Perl"),
            Map.entry("artistic-2", "Artistic-2.0"),
            Map.entry("perl", "Artistic-1.0-Perl OR GPL-1.0-or-later"),
            Map.entry("apache-2", "Apache-2.0"),
            Map.entry("apache-1", "Apache-1.0"),
            Map.entry("bsd-2", "BSD-2-Clause"),
            Map.entry("bsd-3", "BSD-3-Clause"),
            Map.entry("bsd-4", "BSD-4-Clause"),
            Map.entry("cc0", "CC0-1.0"),
            Map.entry("mpl-2", "MPL-2.0"),
            Map.entry("mpl-1", "MPL-1.0"),
            Map.entry("psf-2", "PSF-2.0"),
            Map.entry("python-2", "Python-2.0"),
            Map.entry("openldap-2.8", "OLDAP-2.8"),
            Map.entry("zope-2.1", "ZPL-2.1"),
            Map.entry("zpl-2.1", "ZPL-2.1"),
            Map.entry("zope", "ZPL-2.1"),
            Map.entry("epl-1", "EPL-1.0"),
            Map.entry("cddl-1", "CDDL-1.0"),
            Map.entry("ofl-1.1", "OFL-1.1"),
            Map.entry("sil-ofl-1.1", "OFL-1.1"),
            Map.entry("lppl-1.3c", "LPPL-1.3c"),
            Map.entry("boost-1.0", "BSL-1.0"));

    /** The exceptions Debian names by a word ("with Autoconf exception"), for GPL version 2 and 3. */
    private static final Map<String, String[]> EXCEPTIONS = Map.of(
            "autoconf", new String[] {"Autoconf-exception-2.0", "Autoconf-exception-3.0"},
            "bison", new String[] {"Bison-exception-2.2", "Bison-exception-2.2"},
            "classpath", new String[] {"Classpath-exception-2.0", "Classpath-exception-2.0"},
            "font", new String[] {"Font-exception-2.0", "Font-exception-2.0"},
            "gcc", new String[] {"GCC-exception-2.0", "GCC-exception-3.1"},
            "libtool", new String[] {"Libtool-exception", "Libtool-exception"},
            "llvm", new String[] {"LLVM-exception", "LLVM-exception"});

    private DebianLicenseNames() {
    }

    /**
     * The SPDX expression of one short name (no "and"/"or" in it), or null when it has none. A
     * result may be compound ({@code Perl}).
     */
    static String toSpdx(String shortName) {
        String name = shortName.trim();
        if (name.isEmpty()) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String mapped = NAMES.get(lower);
        if (mapped != null) {
            return mapped;
        }
        Matcher gnu = GNU.matcher(name);
        if (gnu.matches()) {
            return gnu(gnu.group(1).toUpperCase(Locale.ROOT), gnu.group(2), gnu.group(3));
        }
        String id = SpdxIds.license(name);
        if (id != null) {
            return id;
        }
        // "Apache-2.0+", "MPL-1.1+": an SPDX identifier with "or any later version"
        if (name.endsWith("+")) {
            String base = SpdxIds.license(name.substring(0, name.length() - 1));
            return base == null ? null : base + "+";
        }
        return null;
    }

    /** The SPDX expression of "LICENSE with WORDS exception", or null when either part has none. */
    static String withException(String license, String exception) {
        String base = toSpdx(license);
        if (base == null || base.contains(" ")) {
            return null;
        }
        String words = exception.trim().replaceFirst("(?i)[ -]exception$", "").trim();
        String id = SpdxIds.exception(words);
        if (id == null) {
            id = SpdxIds.exception(words + "-exception");
        }
        if (id == null) {
            String[] byVersion = EXCEPTIONS.get(words.toLowerCase(Locale.ROOT));
            if (byVersion != null) {
                id = base.startsWith("GPL-3") || base.startsWith("LGPL-3") ? byVersion[1] : byVersion[0];
            }
        }
        return id == null ? null : base + " WITH " + id;
    }

    private static String gnu(String family, String version, String suffix) {
        boolean later = suffix != null && !suffix.equalsIgnoreCase("-only");
        String spdxFamily = family.equals("GFDL-NIV") ? "GFDL" : family;
        String v = version;
        if (v == null) {
            // no version: any version the family ever had
            v = switch (family) {
                case "LGPL" -> "2.0";
                case "AGPL" -> "3.0";
                case "GFDL", "GFDL-NIV" -> "1.1";
                default -> "1.0";
            };
            later = true;
        } else if (!v.contains(".")) {
            v = v + ".0";
        }
        String id = spdxFamily + "-" + v + (family.equals("GFDL-NIV") ? "-no-invariants" : "")
                + (later ? "-or-later" : "-only");
        return SpdxIds.license(id);
    }
}
