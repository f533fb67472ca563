package org.jsupermin.packages;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers for databases that load every package at once (rpm, pacman, apk). */
public final class LoadedPackages {

    private LoadedPackages() {
    }

    /**
     * The architecture of the first of {@code owners} (by name, in that order) that is installed
     * with an architecture other than {@code neutral}; {@code fallback} when none is.
     */
    public static String archOf(PackageDatabase db, List<String> owners, String neutral, String fallback) {
        try {
            for (String name : owners) {
                for (InstalledPackage p : db.installedPackages()) {
                    if (p.name().equals(name) && !p.arch().equals(neutral)) {
                        return p.arch();
                    }
                }
            }
        } catch (PackageDatabaseException e) {
            // an unreadable database fails again, with its message, when the packages are asked for
        }
        return fallback;
    }

    /** The file lists of {@code wanted}, in that order, from lists loaded whole. */
    public static Map<InstalledPackage, List<PackageFile>> select(Map<InstalledPackage, List<PackageFile>> all,
            Collection<InstalledPackage> wanted, Path root) throws PackageDatabaseException {
        Map<InstalledPackage, List<PackageFile>> out = new LinkedHashMap<>();
        for (InstalledPackage p : wanted) {
            List<PackageFile> f = all.get(p);
            if (f == null) {
                throw new PackageDatabaseException("package " + p + " is not installed in " + root);
            }
            out.put(p, f);
        }
        return out;
    }

    /**
     * The details of each of {@code packages}, sorted, taken from those one read of the database
     * {@code file} found, by package as {@link InstalledPackage#toString()} names it; a package
     * not found is an error.
     */
    public static Map<InstalledPackage, PackageDetails> detailsOf(Collection<InstalledPackage> packages,
            Map<String, PackageDetails> found, Path file) throws PackageDatabaseException {
        Map<InstalledPackage, PackageDetails> result = new TreeMap<>();
        for (InstalledPackage p : packages) {
            PackageDetails d = found.get(p.toString());
            if (d == null) {
                throw new PackageDatabaseException("reading " + file + ": package " + p
                        + " is not in it (was it removed while the build ran?)");
            }
            result.put(p, d);
        }
        return result;
    }

    /**
     * Each package's config files under /etc that are present on {@code root} (directories left
     * out), by package in package order; packages without any are left out.
     */
    public static Map<InstalledPackage, List<PackageFile>> presentConfigFiles(
            Map<InstalledPackage, List<PackageFile>> files, Path root) {
        Map<InstalledPackage, List<PackageFile>> wanted = new TreeMap<>();
        for (Map.Entry<InstalledPackage, List<PackageFile>> e : files.entrySet()) {
            List<PackageFile> config = new ArrayList<>();
            for (PackageFile f : e.getValue()) {
                Path p = root.resolve(f.path().substring(1));
                if (f.config() && f.path().startsWith("/etc/") && Files.exists(p, LinkOption.NOFOLLOW_LINKS)
                        && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    config.add(f);
                }
            }
            if (!config.isEmpty()) {
                wanted.put(e.getKey(), config);
            }
        }
        return wanted;
    }
}
