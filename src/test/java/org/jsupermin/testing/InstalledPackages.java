package org.jsupermin.testing;

import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;

/** Installed packages of a fixture database, found by name. */
public final class InstalledPackages {

    private InstalledPackages() {
    }

    /** The first installed package of {@code db} called {@code name}; fails the test when there is none. */
    public static InstalledPackage named(PackageDatabase db, String name) throws PackageDatabaseException {
        for (InstalledPackage p : db.installedPackages()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new AssertionError(name + " not installed");
    }
}
