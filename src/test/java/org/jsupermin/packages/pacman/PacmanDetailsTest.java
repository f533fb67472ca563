package org.jsupermin.packages.pacman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jsupermin.testing.InstalledPackages.named;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDetails;
import org.junit.jupiter.api.Test;

/** {@link PacmanDatabase#details} on the fixture root's local database. */
class PacmanDetailsTest {

    private static final Path ROOT = Path.of("test-fixtures/pacman/root");

    @Test
    void baseSizePackagerUrlAndLicensesFromTheDesc() throws Exception {
        PacmanDatabase db = new PacmanDatabase(ROOT);
        InstalledPackage bash = named(db, "bash");
        PackageDetails d = db.details(List.of(bash)).get(bash);
        assertEquals("bash", d.source());
        assertEquals("5.2.026-2", d.sourceVersion());
        assertEquals(9463048, d.installedSize());
        assertEquals("Pierre Schmitz <pierre@archlinux.de>", d.maintainer());
        assertEquals("https://www.gnu.org/software/bash/bash.html", d.homepage());
        assertEquals("GPL-3.0-or-later AND LGPL-2.1-only", d.license());
        assertTrue(d.checksums().isEmpty());
        assertEquals(Files.readString(ROOT.resolve("var/lib/pacman/local/bash-5.2.026-2/desc")), d.record());
    }

    @Test
    void aDescWithoutTheFieldsGivesThePackageAsItsOwnSource() throws Exception {
        PacmanDatabase db = new PacmanDatabase(ROOT);
        InstalledPackage hello = named(db, "hello");
        InstalledPackage glibc = named(db, "glibc");
        Map<InstalledPackage, PackageDetails> d = db.details(List.of(hello, glibc));
        assertEquals(List.of(glibc, hello), List.copyOf(d.keySet()), "sorted, whatever the order asked");
        assertEquals("hello", d.get(hello).source());
        assertEquals("1:2.0-1", d.get(hello).sourceVersion());
        assertEquals(0, d.get(hello).installedSize());
        assertEquals("", d.get(hello).license() + d.get(hello).maintainer() + d.get(hello).homepage());
        assertEquals("glibc", d.get(glibc).source());
    }
}
