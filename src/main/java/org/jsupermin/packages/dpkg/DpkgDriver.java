package org.jsupermin.packages.dpkg;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDriver;
import org.jsupermin.util.SourceDateEpoch;

/** The dpkg driver (Debian, Ubuntu): recognised by {@code var/lib/dpkg/status}. */
public final class DpkgDriver implements PackageDriver {

    @Override
    public String name() {
        return "dpkg";
    }

    @Override
    public String distro() {
        return "debian";
    }

    @Override
    public boolean detect(Path root) {
        return Files.isRegularFile(root.resolve("var/lib/dpkg/status"));
    }

    @Override
    public String lookedFor() {
        return "var/lib/dpkg/status";
    }

    /** Opens the root's database; generated dates follow SOURCE_DATE_EPOCH, else a fixed default. */
    @Override
    public PackageDatabase open(Path root) throws PackageDatabaseException {
        long epoch;
        try {
            Long fromEnv = SourceDateEpoch.fromEnvironment(System.getenv());
            epoch = fromEnv == null ? SourceDateEpoch.DEFAULT : fromEnv;
        } catch (IllegalArgumentException e) {
            throw new PackageDatabaseException(e.getMessage(), e);
        }
        return new DpkgDatabase(root, epoch);
    }
}
