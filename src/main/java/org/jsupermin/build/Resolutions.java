package org.jsupermin.build;

import java.util.ArrayList;
import java.util.List;

import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.resolve.Resolution;
import org.jsupermin.resolve.Resolver;
import org.jsupermin.resolve.UnresolvedDependencyException;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.Reporter;

/** Resolving requested packages against a database, with warnings reported. */
final class Resolutions {

    private Resolutions() {
    }

    /**
     * Resolves {@code requested}. With {@code skipMissing} (a build), requested names that are
     * not installed are left out with one warning, as supermin does: an appliance's package list
     * may name packages of several releases of a distribution. Without it (prepare, whose
     * packages are named on the command line) they are an error.
     */
    static Resolution resolve(PackageDatabase db, List<String> requested, boolean skipMissing, Reporter reporter)
            throws PackageDatabaseException, UnresolvedDependencyException {
        Resolver resolver = new Resolver(db.installedPackages(), db.versionScheme(), db.nativeArch());
        Resolution resolution;
        try {
            resolution = resolver.resolve(requested);
        } catch (UnresolvedDependencyException e) {
            if (!skipMissing) {
                throw e;
            }
            List<String> shown = new ArrayList<>();
            for (String name : e.missing()) {
                shown.add(FileNames.printable(name, 80));
            }
            reporter.warning("not installed on this host, left out of the appliance: " + String.join(", ", shown));
            List<String> installed = new ArrayList<>(requested);
            installed.removeAll(e.missing());
            resolution = resolver.resolve(installed);
        }
        for (String w : resolution.warnings()) {
            reporter.warning(w);
        }
        return resolution;
    }
}
