package org.jsupermin.packages.apk;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDriver;

/** The apk driver (Alpine): the installed database lib/apk/db/installed. */
public final class ApkDriver implements PackageDriver {

    static final String INSTALLED = "lib/apk/db/installed";

    @Override
    public String name() {
        return "apk";
    }

    @Override
    public String distro() {
        return "alpine";
    }

    @Override
    public boolean detect(Path root) {
        return Files.isRegularFile(root.resolve(INSTALLED));
    }

    @Override
    public String lookedFor() {
        return INSTALLED;
    }

    @Override
    public PackageDatabase open(Path root) throws PackageDatabaseException {
        if (!detect(root)) {
            throw new PackageDatabaseException("no apk database under " + root + " (looked for " + INSTALLED + ")");
        }
        return new ApkDatabase(root);
    }
}
