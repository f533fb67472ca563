package org.jsupermin.packages;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the database records about a build's packages ({@link PackageDatabase#details}), read at
 * most once, by the first that asks, and shared with every later asker: the image's package
 * database, the SBOM and the layer planner of one build all use the same reading.
 */
public final class ClosureDetails {

    private final PackageDatabase database;
    private final List<InstalledPackage> packages;
    private Map<InstalledPackage, PackageDetails> details;
    private PackageDatabaseException failure;

    /** The details of {@code packages}, to be read from {@code database} when first asked. */
    public ClosureDetails(PackageDatabase database, Collection<InstalledPackage> packages) {
        this.database = Objects.requireNonNull(database, "database");
        this.packages = List.copyOf(packages);
    }

    /** The details of every package, sorted by package; read on the first call, its failure kept for later calls. */
    public synchronized Map<InstalledPackage, PackageDetails> get() throws PackageDatabaseException {
        if (failure != null) {
            throw failure;
        }
        if (details == null) {
            try {
                details = Collections.unmodifiableMap(database.details(packages));
            } catch (PackageDatabaseException e) {
                failure = e;
                throw e;
            }
        }
        return details;
    }
}
