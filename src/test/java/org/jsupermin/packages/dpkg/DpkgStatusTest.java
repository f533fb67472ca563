package org.jsupermin.packages.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading status files: paragraphs, continuation lines, Status filtering and malformed input. */
class DpkgStatusTest {

    @TempDir
    Path tmp;

    private Path status(String text) throws Exception {
        Path file = tmp.resolve("var/lib/dpkg/status");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsParagraphsSeparatedByManyBlankLines() throws Exception {
        Path file = status("\n\nPackage: b\nStatus: install ok installed\nVersion: 1\nArchitecture: amd64\n"
                + "Description: x\n first\n .\n second\n\n\n\n"
                + "Package: a\nStatus: install ok installed\nVersion: 2\nArchitecture: all\n"
                + "Depends: b (>= 1),\n  c\n\t| d\n");
        DpkgStatus s = DpkgStatus.read(file);
        assertEquals(List.of("a:all=2", "b:amd64=1"), s.packages().stream().map(InstalledPackage::toString).toList());
        assertEquals("[[b (>= 1)], [c, d]]", s.packages().get(0).depends().toString());
        List<Deb822Paragraph> paragraphs = Deb822Reader.read(file);
        assertEquals("x\nfirst\n.\nsecond", paragraphs.get(0).get("description"), "case-insensitive field names");
        assertEquals(3, paragraphs.get(0).line());
        assertEquals(14, paragraphs.get(1).line());
    }

    @Test
    void keepsOnlyInstalledAndHeldPackages() throws Exception {
        Path file = status(String.join("\n",
                "Package: ok", "Status: install ok installed", "Version: 1", "Architecture: all", "",
                "Package: held", "Status: hold ok installed", "Version: 1", "Architecture: all", "",
                "Package: removed", "Status: deinstall ok config-files", "Version: 1", "Architecture: all", "",
                "Package: unpacked", "Status: install ok unpacked", "Version: 1", "Architecture: all", "",
                "Package: half", "Status: install reinstreq half-installed", "Version: 1", "Architecture: all", ""));
        assertEquals(List.of("held", "ok"), DpkgStatus.read(file).packages().stream().map(InstalledPackage::name).toList());
    }

    @Test
    void readsConffilesDroppingObsoleteOnes() throws Exception {
        Path file = status("Package: p\nStatus: install ok installed\nVersion: 1\nArchitecture: all\nConffiles:\n"
                + " /etc/a 0123\n /etc/b 4567 obsolete\n /etc/c newconffile\n /etc/d 89ab remove-on-upgrade\n");
        DpkgStatus s = DpkgStatus.read(file);
        assertEquals(List.of("/etc/a", "/etc/c"), s.conffilesOf(s.packages().get(0)));
    }

    @Test
    void malformedLineNamesFileAndLine() throws Exception {
        Path file = status("Package: p\nStatus: install ok installed\n\nPackage: q\nthis line has no colon\n");
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> DpkgStatus.read(file));
        assertEquals("reading " + file + " line 5: expected 'Field: value'", e.getMessage());
    }

    @Test
    void continuationOutsideAParagraphIsMalformed() throws Exception {
        Path file = status("Package: p\nStatus: install ok installed\n\n continued\n");
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> DpkgStatus.read(file));
        assertEquals("reading " + file + " line 4: expected 'Field: value'", e.getMessage());
    }

    @Test
    void badDependencyNamesPackageAndField() throws Exception {
        Path file = status("Package: p\nStatus: install ok installed\nVersion: 1\nArchitecture: all\nDepends: a (>= )\n");
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> DpkgStatus.read(file));
        assertTrue(e.getMessage().startsWith("reading " + file + " line 1 (package p, field Depends)"), e.getMessage());
    }

    @Test
    void missingStatusFileNamesThePath() {
        Path file = tmp.resolve("nothing/var/lib/dpkg/status");
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> DpkgStatus.read(file));
        assertTrue(e.getMessage().startsWith("reading " + file + ": no such file"), e.getMessage());
    }

    @Test
    void unreadableStatusFileNamesThePath() throws Exception {
        Path dir = tmp.resolve("var/lib/dpkg/status");
        Files.createDirectories(dir);
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> DpkgStatus.read(dir));
        assertTrue(e.getMessage().startsWith("reading " + dir + ": "), e.getMessage());
    }

    @Test
    void nativeArchFallsBackWithoutDpkg() throws Exception {
        status("Package: p\nStatus: install ok installed\nVersion: 1\nArchitecture: arm64\n");
        assertEquals("arm64", new DpkgDatabase(tmp, 0).nativeArch());
        assertEquals(List.of(), new DpkgDatabase(tmp, 0).foreignArchs());
    }
}
