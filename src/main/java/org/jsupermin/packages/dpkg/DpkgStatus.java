package org.jsupermin.packages.dpkg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsupermin.packages.DeferredList;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.MultiArch;
import org.jsupermin.packages.PackageDatabaseException;

/**
 * The installed packages of a dpkg status file, with each package's live conffiles. A build
 * reads the status file of a whole host to use a few dozen of its packages, in a fresh JVM: the
 * Depends and Conffiles fields are parsed when a package's are first asked for, so a malformed
 * one is reported then (naming the file, line, package and field), not when the file is read.
 */
public final class DpkgStatus {

    private static final Set<String> INSTALLED = Set.of("install ok installed", "hold ok installed");
    private static final Set<String> DROPPED_CONFFILE_FLAGS = Set.of("obsolete", "remove-on-upgrade");
    /** The fields kept; the others (Description, Maintainer, …) are skipped unread. */
    private static final List<String> FIELDS = List.of("Package", "Status", "Version", "Architecture", "Multi-Arch",
            "Pre-Depends", "Depends", "Provides", "Origin", "Conffiles");
    private static final int PACKAGE = 0;
    private static final int STATUS = 1;
    private static final int VERSION = 2;
    private static final int ARCHITECTURE = 3;
    private static final int MULTI_ARCH = 4;
    private static final int PRE_DEPENDS = 5;
    private static final int DEPENDS = 6;
    private static final int PROVIDES = 7;
    private static final int ORIGIN = 8;
    private static final int CONFFILES = 9;

    /** A package's Conffiles field as read, parsed on demand. */
    private record RawConffiles(String value, int line, String packageName) {
    }

    private final Path file;
    /** The file's bytes, kept for the paragraphs of the packages a build asks about. */
    private final byte[] data;
    /** Package id to where its paragraph is in {@link #data}: {from, to}. */
    private final Map<String, int[]> paragraphs;
    private final List<InstalledPackage> packages;
    /** Package id ("name:arch") to its Conffiles field, in file order. */
    private final Map<String, RawConffiles> rawConffiles;
    /** Package id to its live conffiles, once parsed. */
    private final Map<String, List<String>> conffiles = new HashMap<>();
    private Map<String, String> conffileDigests;

    private DpkgStatus(Path file, byte[] data, Map<String, int[]> paragraphs, List<InstalledPackage> packages,
                       Map<String, RawConffiles> rawConffiles) {
        this.file = file;
        this.data = data;
        this.paragraphs = paragraphs;
        this.packages = List.copyOf(packages);
        this.rawConffiles = rawConffiles;
    }

    /** Reads {@code file}, keeping only packages whose Status is installed. */
    public static DpkgStatus read(Path file) throws PackageDatabaseException {
        List<InstalledPackage> packages = new ArrayList<>();
        Map<String, RawConffiles> conffiles = new java.util.LinkedHashMap<>();
        Map<String, int[]> paragraphs = new HashMap<>();
        byte[] data = Deb822Reader.readBytes(file);
        for (Deb822Reader.Fields p : Deb822Reader.readFields(data, file.toString(), FIELDS)) {
            String name = p.get(PACKAGE);
            String raw = p.get(STATUS) == null ? "" : p.get(STATUS);
            String status = INSTALLED.contains(raw) ? raw : String.join(" ", tokens(raw));
            if (name == null || !INSTALLED.contains(status)) {
                continue;
            }
            InstalledPackage pkg = toPackage(file, p, name);
            packages.add(pkg);
            paragraphs.put(pkg.id(), new int[] {p.from(), p.to()});
            if (p.get(CONFFILES) != null) {
                conffiles.put(pkg.id(), new RawConffiles(p.get(CONFFILES), p.line(), name));
            }
        }
        Collections.sort(packages);
        return new DpkgStatus(file, data, paragraphs, packages, conffiles);
    }

    /** The status file read. */
    public Path file() {
        return file;
    }

    /**
     * The bytes of {@code pkg}'s paragraph as the file holds it, from its first field to the end
     * of its last line; null when the package is not installed.
     */
    byte[] paragraph(InstalledPackage pkg) {
        int[] range = paragraphs.get(pkg.id());
        return range == null ? null : java.util.Arrays.copyOfRange(data, range[0], range[1]);
    }

    /** The installed packages, sorted. */
    public List<InstalledPackage> packages() {
        return packages;
    }

    /** The live conffiles of {@code pkg}, in the order the status lists them (obsolete ones left out). */
    public synchronized List<String> conffilesOf(InstalledPackage pkg) throws PackageDatabaseException {
        List<String> parsed = conffiles.get(pkg.id());
        if (parsed == null) {
            RawConffiles raw = rawConffiles.get(pkg.id());
            parsed = raw == null ? List.of() : List.copyOf(parseConffiles(raw, null));
            conffiles.put(pkg.id(), parsed);
        }
        return parsed;
    }

    /** The md5sum dpkg recorded for conffile {@code path} as shipped, or null (the last package listing it wins). */
    public synchronized String conffileDigest(String path) throws PackageDatabaseException {
        if (conffileDigests == null) {
            Map<String, String> digests = new HashMap<>();
            for (RawConffiles raw : rawConffiles.values()) {
                parseConffiles(raw, digests);
            }
            conffileDigests = digests;
        }
        return conffileDigests.get(path);
    }

    private static InstalledPackage toPackage(Path file, Deb822Reader.Fields p, String name)
            throws PackageDatabaseException {
        String preDepends = p.get(PRE_DEPENDS);
        String depends = p.get(DEPENDS);
        int line = p.line();
        String version = orElse(p.get(VERSION), "");
        try {
            DebianVersion.checkEpoch(version);
        } catch (IllegalArgumentException e) {
            throw new PackageDatabaseException(where(file, line, name, "Version") + e.getMessage()
                    + " (dpkg refuses the file too: correct the field)", e);
        }
        List<List<Dependency>> requirements = preDepends == null && depends == null ? List.of()
                : new DeferredList<>(() -> requirements(file, line, name, preDepends, depends));
        try {
            var provides = DependencyParser.parseProvides(p.get(PROVIDES));
            return new InstalledPackage(name, version, orElse(p.get(ARCHITECTURE), "all"),
                    MultiArch.parse(p.get(MULTI_ARCH)), requirements, provides, orElse(p.get(ORIGIN), ""));
        } catch (IllegalArgumentException e) {
            throw new PackageDatabaseException(where(file, line, name, "Provides") + e.getMessage(), e);
        }
    }

    /** A package's Pre-Depends then Depends, each requirement's alternatives unmodifiable. */
    private static List<List<Dependency>> requirements(Path file, int line, String name, String preDepends,
                                                       String depends) {
        String field = "Pre-Depends";
        try {
            List<List<Dependency>> all = new ArrayList<>(DependencyParser.parseDepends(preDepends));
            field = "Depends";
            all.addAll(DependencyParser.parseDepends(depends));
            for (int i = 0; i < all.size(); i++) {
                all.set(i, List.copyOf(all.get(i)));
            }
            return all;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(file, line, name, field) + e.getMessage(), e);
        }
    }

    private static String where(Path file, int line, String name, String field) {
        return "reading " + file + " line " + line + " (package " + name + ", field " + field + "): ";
    }

    /**
     * Lines " /etc/foo md5 [flag]"; entries flagged obsolete or remove-on-upgrade are dropped.
     * The digest of each entry kept goes into {@code digests} when that is not null.
     */
    private List<String> parseConffiles(RawConffiles raw, Map<String, String> digests) throws PackageDatabaseException {
        List<String> result = new ArrayList<>();
        for (String line : raw.value().split("\n")) {
            List<String> tokens = tokens(line);
            if (tokens.isEmpty()) {
                continue;
            }
            boolean dropped = false;
            while (tokens.size() > 2 && DROPPED_CONFFILE_FLAGS.contains(tokens.get(tokens.size() - 1))) {
                tokens.remove(tokens.size() - 1);
                dropped = true;
            }
            if (tokens.size() < 2 || !tokens.get(0).startsWith("/")) {
                throw new PackageDatabaseException("reading " + file + " line " + raw.line() + " (package "
                        + raw.packageName() + ", field Conffiles): expected '/path md5sum', got '" + line.strip() + "'");
            }
            if (!dropped) {
                String path = String.join(" ", tokens.subList(0, tokens.size() - 1));
                result.add(path);
                if (digests != null) {
                    digests.put(path, tokens.get(tokens.size() - 1));
                }
            }
        }
        return result;
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** The words of {@code text} once stripped, split at runs of whitespace (regular expressions' {@code \s}). */
    private static List<String> tokens(String text) {
        String s = text.strip();
        List<String> result = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && !isSpace(s.charAt(i))) {
                i++;
            }
            result.add(s.substring(start, i));
            while (i < s.length() && isSpace(s.charAt(i))) {
                i++;
            }
        }
        return result;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 11 || c == '\f' || c == '\r';
    }
}
