package org.jsupermin.packages.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jsupermin.testing.InstalledPackages.named;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DpkgDatabase#details} on the fixture root's status file. */
class DpkgDetailsTest {

    private static DpkgDatabase open(Path root) throws PackageDatabaseException {
        return new DpkgDatabase(root, 0);
    }

    @Test
    void sourceWithItsVersionSizeMaintainerAndHomepage() throws Exception {
        DpkgDatabase db = open(DebFixtures.ROOT);
        InstalledPackage bash = named(db, "bash");
        PackageDetails d = db.details(List.of(bash)).get(bash);
        assertEquals("bash", d.source());
        assertEquals("5.2.15-2", d.sourceVersion(), "a binNMU's Source names the source version");
        assertEquals(7160L * 1024, d.installedSize());
        assertEquals("Matthias Klose <doko@debian.org>", d.maintainer());
        assertEquals("http://tiswww.case.edu/php/chet/bash/bashtop.html", d.homepage());
        assertEquals("", d.license());
        assertTrue(d.checksums().isEmpty());
    }

    @Test
    void sourceWithoutVersionTakesThePackagesAndNoSourceIsThePackageItself() throws Exception {
        DpkgDatabase db = open(DebFixtures.ROOT);
        InstalledPackage libc = named(db, "libc6");
        InstalledPackage mawk = named(db, "mawk");
        Map<InstalledPackage, PackageDetails> d = db.details(List.of(mawk, libc));
        assertEquals(List.of(libc, mawk), new ArrayList<>(d.keySet()), "sorted, whatever the order asked");
        assertEquals("glibc", d.get(libc).source());
        assertEquals(libc.version(), d.get(libc).sourceVersion());
        assertEquals("mawk", d.get(mawk).source());
        assertEquals(mawk.version(), d.get(mawk).sourceVersion());
        assertEquals("", d.get(mawk).homepage());
    }

    @Test
    void recordIsTheStatusParagraphVerbatim() throws Exception {
        DpkgDatabase db = open(DebFixtures.ROOT);
        String status = Files.readString(DebFixtures.ROOT.resolve("var/lib/dpkg/status"));
        StringBuilder all = new StringBuilder();
        for (PackageDetails d : db.details(db.installedPackages()).values()) {
            assertTrue(d.record().endsWith("\n") && !d.record().endsWith("\n\n"), d.record());
            assertTrue(status.contains(d.record()), d.record());
            all.append(d.record()).append('\n');
        }
        // the fixture lists one not-installed package (gawk); every other paragraph comes back whole
        // (and the fixture's double blank line after bash's comes back single)
        String withoutGawk = status.replaceAll("(?s)Package: gawk\n.*?\n\n", "").replaceAll("\n\n+", "\n\n");
        assertEquals(withoutGawk, all.toString());
        String base = db.details(List.of(named(db, "base-files"))).get(named(db, "base-files")).record();
        assertTrue(base.startsWith("Package: base-files\nEssential: yes\nStatus: hold ok installed\n"), base);
        assertTrue(base.contains("Conffiles:\n /etc/debian_version 3b4a6ad28d5ffd4ba0fd9b7e6ed3ed47\n"), base);
        assertTrue(base.endsWith("Origin: Debian\n"), base);
    }

    @Test
    void crLineEndsBecomeNewlines(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        String text = "Package: a\r\nStatus: install ok installed\r\nArchitecture: all\r\nVersion: 1\r\n"
                + "Installed-Size: x\r\nDescription: d\r\n more\r\n\r\n"
                + "Package: dpkg\rStatus: install ok installed\rArchitecture: amd64\rVersion: 1.21\rInstalled-Size: 2\r";
        Files.write(root.resolve("var/lib/dpkg/status"), text.getBytes(StandardCharsets.UTF_8));
        DpkgDatabase db = open(root);
        Map<InstalledPackage, PackageDetails> d = db.details(db.installedPackages());
        PackageDetails a = d.get(named(db, "a"));
        assertEquals("Package: a\nStatus: install ok installed\nArchitecture: all\nVersion: 1\nInstalled-Size: x\n"
                + "Description: d\n more\n", a.record());
        assertEquals(0, a.installedSize(), "a size that is not a number is unknown");
        PackageDetails dpkg = d.get(named(db, "dpkg"));
        assertEquals("Package: dpkg\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.21\n"
                + "Installed-Size: 2\n", dpkg.record());
        assertEquals(2048, dpkg.installedSize());
    }

    @Test
    void aPackageNotInTheStatusFileIsAnErrorNamingIt() throws Exception {
        DpkgDatabase db = open(DebFixtures.ROOT);
        InstalledPackage gawk = new InstalledPackage("gawk", "1:5.2.1-2", "amd64", org.jsupermin.packages.MultiArch.FOREIGN,
                List.of(), List.of(), "");
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> db.details(List.of(gawk)));
        assertEquals("package gawk:amd64=1:5.2.1-2 is not installed according to "
                + DebFixtures.ROOT.resolve("var/lib/dpkg/status"), e.getMessage());
    }
}
