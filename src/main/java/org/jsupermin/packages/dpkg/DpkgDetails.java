package org.jsupermin.packages.dpkg;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.TextLines;

/**
 * The {@link PackageDetails} of packages of a dpkg status file: Source (with its version when it
 * differs, "glibc (2.36-9)"), Installed-Size (KiB), Maintainer, Homepage, and each package's
 * paragraph as the file holds it. Only the asked packages' paragraphs are read again, from the
 * bytes the status file was read from: a host's status file is mostly packages an image does not
 * hold.
 */
final class DpkgDetails {

    private static final List<String> FIELDS = List.of("Source", "Installed-Size", "Maintainer", "Homepage");
    private static final int SOURCE = 0;
    private static final int INSTALLED_SIZE = 1;
    private static final int MAINTAINER = 2;
    private static final int HOMEPAGE = 3;

    private DpkgDetails() {
    }

    /**
     * The details of each of {@code packages}, sorted (a sorted map: hashing package records would
     * parse every dependency list), from {@code status}.
     */
    static Map<InstalledPackage, PackageDetails> read(DpkgStatus status, Collection<InstalledPackage> packages)
            throws PackageDatabaseException {
        Map<InstalledPackage, PackageDetails> result = new TreeMap<>();
        for (InstalledPackage p : packages) {
            byte[] paragraph = status.paragraph(p);
            if (paragraph == null) {
                throw new PackageDatabaseException("package " + p + " is not installed according to " + status.file());
            }
            List<Deb822Reader.Fields> fields = Deb822Reader.readFields(paragraph, status.file().toString(), FIELDS);
            result.put(p, details(p, fields.get(0), record(paragraph)));
        }
        return result;
    }

    /** The paragraph's lines, each ending in "\n" ("\r" and "\r\n" too); bytes that are not UTF-8 kept as escapes. */
    private static String record(byte[] paragraph) {
        StringBuilder b = new StringBuilder(paragraph.length);
        for (String line : TextLines.of(FileNames.decode(paragraph))) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    private static PackageDetails details(InstalledPackage p, Deb822Reader.Fields f, String record) {
        String source = p.name();
        String sourceVersion = p.version();
        String field = f.get(SOURCE);
        if (field != null && !field.isBlank()) {
            String s = field.strip();
            int paren = s.indexOf('(');
            if (paren < 0) {
                source = s;
            } else {
                source = s.substring(0, paren).strip();
                int close = s.indexOf(')', paren);
                String v = s.substring(paren + 1, close < 0 ? s.length() : close).strip();
                if (!v.isEmpty()) {
                    sourceVersion = v;
                }
            }
        }
        return new PackageDetails(source, sourceVersion, kibToBytes(f.get(INSTALLED_SIZE)),
                orEmpty(f.get(MAINTAINER)), orEmpty(f.get(HOMEPAGE)), "", new TreeMap<>(), record);
    }

    /** Installed-Size is in KiB; a value that is not a number counts as unknown (0), as for a missing one. */
    static long kibToBytes(String value) {
        if (value == null) {
            return 0;
        }
        try {
            long kib = Long.parseLong(value.strip());
            return kib < 0 || kib > Long.MAX_VALUE / 1024 ? 0 : kib * 1024;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
