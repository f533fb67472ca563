package org.jsupermin.packages.pacman;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDriver;

/** The pacman driver: the local database under var/lib/pacman/local. */
public final class PacmanDriver implements PackageDriver {

    static final String LOCAL = "var/lib/pacman/local";

    @Override
    public String name() {
        return "pacman";
    }

    @Override
    public String distro() {
        return "arch";
    }

    @Override
    public boolean detect(Path root) {
        return Files.isDirectory(root.resolve(LOCAL));
    }

    @Override
    public String lookedFor() {
        return LOCAL;
    }

    @Override
    public PackageDatabase open(Path root) throws PackageDatabaseException {
        if (!detect(root)) {
            throw new PackageDatabaseException("no pacman database under " + root + " (looked for " + LOCAL + ")");
        }
        return new PacmanDatabase(root);
    }
}
