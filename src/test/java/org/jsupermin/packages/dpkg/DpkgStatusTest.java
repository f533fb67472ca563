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
        assertEquals("0123", s.conffileDigest("/etc/a"));
        assertEquals("newconffile", s.conffileDigest("/etc/c"));
        assertEquals(null, s.conffileDigest("/etc/b"), "obsolete entries have no digest");
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
    void aFileCutInsideAFieldIsRefusedAsDpkgDoes() throws Exception {
        String whole = "Package: p\nStatus: install ok installed\nVersion: 1\nArchitecture: all\n"
                + "Description: short\n long text\n";
        PackageDatabaseException value = assertThrows(PackageDatabaseException.class,
                () -> DpkgStatus.read(status(whole.substring(0, whole.indexOf("short") + 3))));
        assertTrue(value.getMessage().contains("line 5: the file ends inside the value of field 'Description'"
                + " without a final newline"), value.getMessage());
        assertTrue(value.getMessage().contains("status-old"), value.getMessage());
        PackageDatabaseException continuation = assertThrows(PackageDatabaseException.class,
                () -> DpkgStatus.read(status(whole.substring(0, whole.length() - 3))));
        assertTrue(continuation.getMessage().contains("line 6: the file ends inside the value of field 'Description'"),
                continuation.getMessage());
        PackageDatabaseException name = assertThrows(PackageDatabaseException.class,
                () -> DpkgStatus.read(status(whole.substring(0, whole.indexOf("Descr") + 5))));
        assertTrue(name.getMessage().contains("line 5: the file ends in the middle of a field name"), name.getMessage());
        // what dpkg accepts: a last line that is complete, or blank
        assertEquals(1, DpkgStatus.read(status(whole)).packages().size());
        assertEquals(1, DpkgStatus.read(status(whole + " ")).packages().size());
        assertEquals(1, DpkgStatus.read(status(whole + "\n\n  ")).packages().size());
    }

    @Test
    void theGeneralParserRefusesACutFileToo() throws Exception {
        byte[] cut = "Package: p\r\nDescription: sh".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class,
                () -> Deb822Reader.readFields(cut, "control", List.of("Package")));
        assertTrue(e.getMessage().startsWith("reading control line 2: the file ends inside the value of field"
                + " 'Description'"), e.getMessage());
    }

    @Test
    void badDependencyNamesPackageAndFieldWhenRead() throws Exception {
        Path file = status("Package: o\nStatus: install ok installed\nVersion: 1\nArchitecture: all\nDepends: a\n\n"
                + "Package: p\nStatus: install ok installed\nVersion: 1\nArchitecture: all\nDepends: a (>= )\n");
        DpkgStatus s = DpkgStatus.read(file);
        assertEquals("[[a]]", s.packages().get(0).depends().toString(), "the other packages are fine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.packages().get(1).depends().size());
        assertTrue(e.getMessage().startsWith("reading " + file + " line 7 (package p, field Depends)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.packages().get(1).depends().get(0), "and at every read");
    }

    @Test
    void badPreDependsAndProvidesNameTheirField() throws Exception {
        Path pre = status("Package: p\nStatus: install ok installed\nVersion: 1\nArchitecture: all\nPre-Depends: (x)\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DpkgStatus.read(pre).packages().get(0).depends().size());
        assertTrue(e.getMessage().contains("(package p, field Pre-Depends)"), e.getMessage());
        Path provides = status("Package: p\nStatus: install ok installed\nVersion: 1\nArchitecture: all\nProvides: x (>> 1)\n");
        PackageDatabaseException p = assertThrows(PackageDatabaseException.class, () -> DpkgStatus.read(provides));
        assertTrue(p.getMessage().startsWith("reading " + provides + " line 1 (package p, field Provides)"), p.getMessage());
    }

    @Test
    void badConffilesNamePackageAndFieldWhenAskedFor() throws Exception {
        Path file = status("Package: p\nStatus: install ok installed\nVersion: 1\nArchitecture: all\nConffiles:\n etc/x 0123\n\n"
                + "Package: q\nStatus: install ok installed\nVersion: 1\nArchitecture: all\nConffiles:\n /etc/q 4567\n");
        DpkgStatus s = DpkgStatus.read(file);
        assertEquals(List.of("/etc/q"), s.conffilesOf(s.packages().get(1)));
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> s.conffilesOf(s.packages().get(0)));
        assertEquals("reading " + file + " line 1 (package p, field Conffiles): expected '/path md5sum', got 'etc/x 0123'",
                e.getMessage());
        assertThrows(PackageDatabaseException.class, () -> s.conffileDigest("/etc/q"), "the digests read every package's");
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

    /** A version whose epoch is not a number (dpkg-query refuses the file) is refused naming the file, package and field. */
    @Test
    void anEpochThatIsNotANumberNamesTheFilePackageAndField() throws Exception {
        Path version = status("Package: p\nStatus: install ok installed\nVersion: x:1.0\nArchitecture: all\n");
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> DpkgStatus.read(version));
        assertEquals("reading " + version + " line 1 (package p, field Version): epoch of version 'x:1.0' is not a"
                + " number (dpkg refuses the file too: correct the field)", e.getMessage());

        Path provides = status("Package: p\nStatus: install ok installed\nVersion: 1\nArchitecture: all\n"
                + "Provides: q (= 99999999999999999999:1)\n");
        e = assertThrows(PackageDatabaseException.class, () -> DpkgStatus.read(provides));
        assertTrue(e.getMessage().startsWith("reading " + provides + " line 1 (package p, field Provides): "), e.getMessage());
        assertTrue(e.getMessage().endsWith("epoch of version '99999999999999999999:1' is not a number"), e.getMessage());

        // Depends are parsed when a build reaches the package: the error comes then, as precise
        Path depends = status("Package: p\nStatus: install ok installed\nVersion: 1\nArchitecture: all\n\n"
                + "Package: r\nStatus: install ok installed\nVersion: 1\nArchitecture: all\nDepends: p (>= y:1)\n");
        DpkgStatus s = DpkgStatus.read(depends);
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> s.packages().get(1).depends().size());
        assertEquals("reading " + depends + " line 6 (package r, field Depends): cannot parse dependency 'p (>= y:1)':"
                + " epoch of version 'y:1' is not a number", d.getMessage());
    }
}
