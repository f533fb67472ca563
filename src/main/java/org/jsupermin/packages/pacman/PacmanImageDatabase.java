package org.jsupermin.packages.pacman;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.packages.ImageDatabase;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.util.IoErrors;

/**
 * pacman's local database for an image of some of a root's packages: each one's directory
 * {@code var/lib/pacman/local/NAME-VERSION} with its {@code desc}, {@code files}, {@code mtree}
 * and {@code install} as the host has them, and {@code ALPM_DB_VERSION} (libalpm refuses a local
 * database without it).
 */
final class PacmanImageDatabase {

    private static final String LOCAL = "/" + PacmanDriver.LOCAL;
    private static final List<String> FILES = List.of("desc", "files", "mtree", "install");

    private PacmanImageDatabase() {
    }

    static ImageDatabase write(PacmanDatabase db, Collection<InstalledPackage> contained) throws PackageDatabaseException {
        List<String> dirs = new ArrayList<>();
        dirs.add(LOCAL);
        List<ExtraEntry> files = new ArrayList<>();
        Path version = db.root().resolve(PacmanDriver.LOCAL).resolve("ALPM_DB_VERSION");
        byte[] v = Files.isRegularFile(version) ? read(version) : "9\n".getBytes(StandardCharsets.US_ASCII);
        files.add(ExtraEntry.file(LOCAL + "/ALPM_DB_VERSION", v, 0644, 0));
        for (InstalledPackage p : contained) {
            Path dir = db.directory(p);
            String inImage = LOCAL + "/" + dir.getFileName();
            dirs.add(inImage);
            for (String name : FILES) {
                Path f = dir.resolve(name);
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(ExtraEntry.file(inImage + "/" + name, read(f), 0644, 0));
                }
            }
        }
        return new ImageDatabase(dirs, files, "");
    }

    private static byte[] read(Path f) throws PackageDatabaseException {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + f + ": " + IoErrors.describe(e), e);
        }
    }
}
