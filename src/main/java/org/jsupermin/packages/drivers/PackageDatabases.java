package org.jsupermin.packages.drivers;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDriver;
import org.jsupermin.packages.apk.ApkDriver;
import org.jsupermin.packages.dpkg.DpkgDriver;
import org.jsupermin.packages.pacman.PacmanDriver;
import org.jsupermin.packages.rpm.RpmDriver;

/**
 * The known package drivers, and choosing the one that fits a root. The list lives here, above
 * the backends, so that the {@code packages} contract never imports its own implementations.
 */
public final class PackageDatabases {

    private PackageDatabases() {
    }

    /** Every driver, in the order detection tries them. */
    public static List<PackageDriver> drivers() {
        return List.of(new DpkgDriver(), new RpmDriver(), new PacmanDriver(), new ApkDriver());
    }

    /** The first driver that recognises the root, or null; nothing is opened. */
    public static PackageDriver driverFor(Path root) {
        for (PackageDriver driver : drivers()) {
            if (driver.detect(root)) {
                return driver;
            }
        }
        return null;
    }

    /** Opens the database of the first driver that recognises the root. */
    public static PackageDatabase detect(Path root) throws PackageDatabaseException {
        PackageDriver driver = driverFor(root);
        if (driver != null) {
            return driver.open(root);
        }
        String lookedFor = drivers().stream().map(PackageDriver::lookedFor).collect(Collectors.joining(", "));
        throw new PackageDatabaseException("no package database found under " + root
                + " (looked for " + lookedFor + "); see `supermin --list-drivers`");
    }
}
