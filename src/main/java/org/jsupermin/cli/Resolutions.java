package org.jsupermin.cli;

import java.util.List;

import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.resolve.Resolution;
import org.jsupermin.resolve.Resolver;
import org.jsupermin.resolve.UnresolvedDependencyException;

/** Resolving requested packages against a database, with warnings shown. */
final class Resolutions {

    private Resolutions() {
    }

    static Resolution resolve(PackageDatabase db, List<String> requested, Console console)
            throws PackageDatabaseException, UnresolvedDependencyException {
        Resolver resolver = new Resolver(db.installedPackages(), db.versionScheme(), db.nativeArch());
        Resolution resolution = resolver.resolve(requested);
        for (String w : resolution.warnings()) {
            console.warning(w);
        }
        return resolution;
    }
}
