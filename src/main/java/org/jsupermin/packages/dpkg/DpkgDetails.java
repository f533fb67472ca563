package org.jsupermin.packages.dpkg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.IoErrors;

/**
 * The {@link PackageDetails} of packages of a dpkg status file: Source (with its version when it
 * differs, "glibc (2.36-9)"), Installed-Size (KiB), Maintainer, Homepage, and each package's
 * paragraph as the file holds it. The status file is read once for the whole set.
 */
final class DpkgDetails {

    private static final List<String> FIELDS = List.of("Package", "Architecture", "Version", "Source",
            "Installed-Size", "Maintainer", "Homepage");
    private static final int PACKAGE = 0;
    private static final int ARCHITECTURE = 1;
    private static final int VERSION = 2;
    private static final int SOURCE = 3;
    private static final int INSTALLED_SIZE = 4;
    private static final int MAINTAINER = 5;
    private static final int HOMEPAGE = 6;

    private DpkgDetails() {
    }

    /** The details of each of {@code packages}, in that order, from {@code statusFile}. */
    static Map<InstalledPackage, PackageDetails> read(Path statusFile, Collection<InstalledPackage> packages)
            throws PackageDatabaseException {
        Map<String, InstalledPackage> wanted = new TreeMap<>();
        for (InstalledPackage p : packages) {
            wanted.put(p.id(), p);
        }
        byte[] data;
        try {
            data = Files.readAllBytes(statusFile);
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + statusFile + ": " + IoErrors.describe(e), e);
        }
        Map<String, PackageDetails> found = new TreeMap<>();
        Paragraphs paragraphs = new Paragraphs(data);
        for (Deb822Reader.Fields f : Deb822Reader.readFields(data, statusFile.toString(), FIELDS)) {
            String name = f.get(PACKAGE);
            String arch = f.get(ARCHITECTURE) == null ? "all" : f.get(ARCHITECTURE);
            InstalledPackage p = name == null ? null : wanted.get(name + ":" + arch);
            if (p != null && p.version().equals(orEmpty(f.get(VERSION)))) {
                found.put(p.id(), details(p, f, paragraphs.at(f.line())));
            }
        }
        Map<InstalledPackage, PackageDetails> result = new LinkedHashMap<>();
        for (InstalledPackage p : packages) {
            PackageDetails d = found.get(p.id());
            if (d == null) {
                throw new PackageDatabaseException("reading " + statusFile + ": package " + p
                        + " is not in it (was it removed while the build ran?)");
            }
            result.put(p, d);
        }
        return result;
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

    /**
     * The paragraphs of deb822 text by their first line, each as its lines with "\n" after each
     * (a "\r" or "\r\n" line end becomes "\n"; bytes that are not UTF-8 are kept as
     * {@link FileNames} escapes, which turn back into the same bytes when the record is written).
     * Lines end as {@link Deb822Reader} ends them; a paragraph ends at the first blank line.
     * Asked for in increasing line order, it reads the text once.
     */
    private static final class Paragraphs {
        private final byte[] data;
        private final String text;
        private int pos;
        private int lineNo = 1;

        Paragraphs(byte[] data) {
            this.data = data;
            this.text = new String(data, StandardCharsets.ISO_8859_1);
        }

        String at(int firstLine) {
            while (lineNo < firstLine && pos < data.length) {
                pos = nextLine(lineEnd(pos));
                lineNo++;
            }
            StringBuilder b = new StringBuilder();
            while (pos < data.length) {
                int end = lineEnd(pos);
                if (Deb822Reader.isBlank(data, text, pos, end)) {
                    break;
                }
                b.append(FileNames.decode(data, pos, end - pos)).append('\n');
                pos = nextLine(end);
                lineNo++;
            }
            return b.toString();
        }

        private int lineEnd(int from) {
            int i = from;
            while (i < data.length && data[i] != '\n' && data[i] != '\r') {
                i++;
            }
            return i;
        }

        private int nextLine(int end) {
            if (end < data.length && data[end] == '\r' && end + 1 < data.length && data[end + 1] == '\n') {
                return end + 2;
            }
            return end + 1;
        }
    }
}
