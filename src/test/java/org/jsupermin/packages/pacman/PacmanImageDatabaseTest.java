package org.jsupermin.packages.pacman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.packages.ImageDatabase;
import org.jsupermin.packages.InstalledPackage;
import org.junit.jupiter.api.Test;

/** pacman's local database written into an image, from the fixture root. */
class PacmanImageDatabaseTest {

    private static final Path ROOT = Path.of("test-fixtures/pacman/root");

    @Test
    void theContainedPackagesDirectoriesAndTheDatabaseVersion() throws Exception {
        PacmanDatabase db = new PacmanDatabase(ROOT);
        List<InstalledPackage> contained = new ArrayList<>();
        for (InstalledPackage p : db.installedPackages()) {
            if (p.name().equals("bash") || p.name().equals("glibc")) {
                contained.add(p);
            }
        }
        ImageDatabase image = db.imageDatabase(contained);
        String local = "/var/lib/pacman/local";
        assertEquals(List.of(local, local + "/bash-5.2.026-2", local + "/glibc-2.39-1"), image.directories());
        List<String> paths = new ArrayList<>();
        for (ExtraEntry f : image.files()) {
            paths.add(f.path());
            assertArrayEquals(Files.readAllBytes(ROOT.resolve(f.path().substring(1))), f.content(), f.path());
            assertEquals(0644, f.mode());
        }
        assertEquals(List.of(local + "/ALPM_DB_VERSION", local + "/bash-5.2.026-2/desc", local + "/bash-5.2.026-2/files",
                local + "/glibc-2.39-1/desc", local + "/glibc-2.39-1/files"), paths);
    }
}
