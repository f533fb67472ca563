package org.jsupermin.packages.dpkg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.MultiArch;
import org.jsupermin.packages.PackageDatabaseException;

/**
 * The installed packages of a dpkg status file, with each package's live conffiles.
 *
 * @param file the status file read
 * @param packages installed packages, sorted
 * @param conffiles package id ("name:arch") to its conffile paths, obsolete ones left out
 * @param conffileDigests conffile path to the md5sum dpkg recorded for the version as shipped
 */
public record DpkgStatus(Path file, List<InstalledPackage> packages, Map<String, List<String>> conffiles,
                         Map<String, String> conffileDigests) {

    private static final Set<String> INSTALLED = Set.of("install ok installed", "hold ok installed");
    private static final Set<String> DROPPED_CONFFILE_FLAGS = Set.of("obsolete", "remove-on-upgrade");
    /** The fields this record is made of; the others (Description, Maintainer, …) are skipped unread. */
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

    public DpkgStatus {
        packages = List.copyOf(packages);
        conffiles = Collections.unmodifiableMap(new TreeMap<>(conffiles));
        conffileDigests = Collections.unmodifiableMap(new TreeMap<>(conffileDigests));
    }

    /** Reads {@code file}, keeping only packages whose Status is installed. */
    public static DpkgStatus read(Path file) throws PackageDatabaseException {
        List<InstalledPackage> packages = new ArrayList<>();
        Map<String, List<String>> conffiles = new HashMap<>();
        Map<String, String> digests = new HashMap<>();
        for (Deb822Reader.Fields p : Deb822Reader.readFields(file, FIELDS)) {
            String name = p.get(PACKAGE);
            String raw = p.get(STATUS) == null ? "" : p.get(STATUS);
            String status = INSTALLED.contains(raw) ? raw : String.join(" ", tokens(raw));
            if (name == null || !INSTALLED.contains(status)) {
                continue;
            }
            InstalledPackage pkg = toPackage(file, p, name);
            packages.add(pkg);
            List<String> live = parseConffiles(file, p, digests);
            if (!live.isEmpty()) {
                conffiles.put(pkg.id(), live);
            }
        }
        Collections.sort(packages);
        return new DpkgStatus(file, packages, conffiles, digests);
    }

    /** The live conffiles of {@code pkg}, in the order the status lists them. */
    public List<String> conffilesOf(InstalledPackage pkg) {
        return conffiles.getOrDefault(pkg.id(), List.of());
    }

    private static InstalledPackage toPackage(Path file, Deb822Reader.Fields p, String name)
            throws PackageDatabaseException {
        String field = "Depends";
        try {
            List<List<Dependency>> depends = new ArrayList<>();
            field = "Pre-Depends";
            depends.addAll(DependencyParser.parseDepends(p.get(PRE_DEPENDS)));
            field = "Depends";
            depends.addAll(DependencyParser.parseDepends(p.get(DEPENDS)));
            field = "Provides";
            var provides = DependencyParser.parseProvides(p.get(PROVIDES));
            return new InstalledPackage(name, orElse(p.get(VERSION), ""), orElse(p.get(ARCHITECTURE), "all"),
                    MultiArch.parse(p.get(MULTI_ARCH)), depends, provides, orElse(p.get(ORIGIN), ""));
        } catch (IllegalArgumentException e) {
            throw new PackageDatabaseException("reading " + file + " line " + p.line() + " (package " + name
                    + ", field " + field + "): " + e.getMessage(), e);
        }
    }

    /** Lines " /etc/foo md5 [flag]"; entries flagged obsolete or remove-on-upgrade are dropped. */
    private static List<String> parseConffiles(Path file, Deb822Reader.Fields p, Map<String, String> digests)
            throws PackageDatabaseException {
        String value = p.get(CONFFILES);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        for (String line : value.split("\n")) {
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
                throw new PackageDatabaseException("reading " + file + " line " + p.line() + " (package "
                        + p.get(PACKAGE) + ", field Conffiles): expected '/path md5sum', got '" + line.strip() + "'");
            }
            if (!dropped) {
                String path = String.join(" ", tokens.subList(0, tokens.size() - 1));
                result.add(path);
                digests.put(path, tokens.get(tokens.size() - 1));
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
