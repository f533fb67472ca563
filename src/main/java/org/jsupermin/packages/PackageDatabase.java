package org.jsupermin.packages;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One installed-package database of a root directory (dpkg, rpm, pacman, apk).
 *
 * <p>Every query answers for a whole set of packages at once, never one subprocess per package.
 * Implementations read their on-disk database directly; they never print.
 */
public interface PackageDatabase {

    /** The driver name as listed by {@code --list-drivers}: "dpkg", "rpm", "pacman", "apk". */
    String driverName();

    /** The root directory this database describes ({@code /} or {@code --root DIR}). */
    Path root();

    /** The primary architecture ("amd64", "x86_64"); packages of this and the neutral arch are native. */
    String nativeArch();

    /**
     * The files and directories whose state decides {@link #installedPackages()},
     * {@link #nativeArch()} and {@link #alternatives()}, absent ones included: while none of them
     * changes, a resolution gives the same packages and links, which lets {@code --if-newer} skip
     * opening the database.
     */
    List<Path> stateFiles() throws PackageDatabaseException;

    /** The rules for comparing this distribution's version strings. */
    VersionScheme versionScheme();

    /** Every installed package, sorted by name then architecture. Loaded once and cached. */
    List<InstalledPackage> installedPackages() throws PackageDatabaseException;

    /**
     * The files of each given package, in the order the database lists them. Directories are
     * included. Paths are absolute ("/usr/bin/bash"), as inside the appliance.
     */
    Map<InstalledPackage, List<PackageFile>> files(Collection<InstalledPackage> packages)
            throws PackageDatabaseException;

    /**
     * The first installed package, in {@link #installedPackages()} order, whose file list names
     * one of {@code paths} (as listed: "/bin/sh" and "/usr/bin/sh" are different names), or null
     * when none does: what {@code dpkg -S} or {@code rpm -qf} answer. File lists are read only
     * until one names a path.
     */
    default InstalledPackage firstListing(Collection<String> paths) throws PackageDatabaseException {
        List<InstalledPackage> installed = installedPackages();
        int perRead = 64; // file lists asked of files() at a time
        for (int from = 0; from < installed.size(); from += perRead) {
            List<InstalledPackage> some = installed.subList(from, Math.min(installed.size(), from + perRead));
            Map<InstalledPackage, List<PackageFile>> files = files(some);
            for (InstalledPackage p : some) {
                for (PackageFile f : files.get(p)) {
                    if (paths.contains(f.path())) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The config files of the given packages, with their content. Pristine (from the package
     * archives) unless {@code options.useInstalled()}, in which case they are read from the root.
     * Only files present under the root's {@code /etc} count.
     */
    List<ConfigFile> configFiles(Collection<InstalledPackage> packages, ConfigFileOptions options)
            throws PackageDatabaseException;

    /**
     * Entries that the distribution's maintainer scripts would create and that no package lists:
     * account files from master copies. Each extra may name the path that must be present in the
     * appliance for it to apply.
     */
    default List<ExtraEntry> extraEntries(Collection<InstalledPackage> closure) throws PackageDatabaseException {
        return List.of();
    }

    /**
     * What the database records about each given package beyond resolution ({@link PackageDetails}),
     * in one read of the database for the whole set; sorted by package (a sorted map: a hash of
     * package records would parse their dependency lists).
     */
    default Map<InstalledPackage, PackageDetails> details(Collection<InstalledPackage> packages)
            throws PackageDatabaseException {
        Map<InstalledPackage, PackageDetails> details = new java.util.TreeMap<>();
        for (InstalledPackage p : packages) {
            details.put(p, PackageDetails.minimal(p));
        }
        return details;
    }

    /**
     * The package database of an image holding exactly {@code contained}: their records and file
     * lists as the distribution's tools write them, read from this database in one pass. A
     * backend that cannot write one says so in {@link ImageDatabase#warning()}.
     */
    default ImageDatabase imageDatabase(Collection<InstalledPackage> contained) throws PackageDatabaseException {
        return imageDatabase(contained, details(contained));
    }

    /**
     * {@link #imageDatabase(Collection)} from the {@code details} of {@code contained} already
     * read (what {@link #details} answers for them), so that a build reads them only once.
     */
    default ImageDatabase imageDatabase(Collection<InstalledPackage> contained,
                                        Map<InstalledPackage, PackageDetails> details) throws PackageDatabaseException {
        return ImageDatabase.none("the image has no " + driverName() + " package database: jsupermin cannot write one,"
                + " so the distribution's tools and scanners see no packages in it");
    }

    /**
     * The root's link groups of update-alternatives (or the distribution's equivalent), sorted by
     * name; the appliance links each group to the first of its choices that it contains.
     */
    default List<AlternativeGroup> alternatives() throws PackageDatabaseException {
        return List.of();
    }
}
