package org.jsupermin.packages.rpm;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDriver;

/** The rpm driver: an sqlite rpmdb under usr/lib/sysimage/rpm or var/lib/rpm. */
public final class RpmDriver implements PackageDriver {

    static final String[] DIRECTORIES = {"usr/lib/sysimage/rpm", "var/lib/rpm"};

    @Override
    public String name() {
        return "rpm";
    }

    @Override
    public String distro() {
        return "fedora";
    }

    @Override
    public boolean detect(Path root) {
        for (String dir : DIRECTORIES) {
            if (Files.isRegularFile(root.resolve(dir).resolve("rpmdb.sqlite"))
                    || Files.isRegularFile(root.resolve(dir).resolve("Packages"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String lookedFor() {
        return "usr/lib/sysimage/rpm/rpmdb.sqlite, var/lib/rpm/rpmdb.sqlite";
    }

    @Override
    public PackageDatabase open(Path root) throws PackageDatabaseException {
        for (String dir : DIRECTORIES) {
            Path db = root.resolve(dir).resolve("rpmdb.sqlite");
            if (Files.isRegularFile(db)) {
                return new RpmDatabase(root, db);
            }
        }
        for (String dir : DIRECTORIES) {
            Path old = root.resolve(dir).resolve("Packages");
            if (Files.isRegularFile(old)) {
                throw new PackageDatabaseException(old + " is a Berkeley DB rpm database, which is not supported; "
                        + "convert it with `rpmdb --rebuilddb --define '_db_backend sqlite'`");
            }
        }
        throw new PackageDatabaseException("no rpm database under " + root + " (looked for " + lookedFor() + ")");
    }
}
