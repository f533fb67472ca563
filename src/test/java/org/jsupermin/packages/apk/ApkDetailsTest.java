package org.jsupermin.packages.apk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jsupermin.testing.InstalledPackages.named;

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

/** {@link ApkDatabase#details} on the fixture root's installed database. */
class ApkDetailsTest {

    private static final Path ROOT = ApkDatabaseTest.ROOT;

    @Test
    void originSizeMaintainerUrlLicenseAndTheControlChecksum() throws Exception {
        ApkDatabase db = new ApkDatabase(ROOT);
        InstalledPackage musl = named(db, "musl");
        PackageDetails d = db.details(List.of(musl)).get(musl);
        assertEquals("musl", d.source());
        assertEquals("1.2.5-r0", d.sourceVersion());
        assertEquals(630000, d.installedSize());
        assertEquals("Maintainer <maintainer@example.org>", d.maintainer());
        assertEquals("https://musl.libc.org/", d.homepage());
        assertEquals("MIT", d.license());
        // the fixture's C: is Q1 + base64 of the SHA-1 of "musl control"
        assertEquals(Map.of("SHA1", "c248a631403c594f84f8e2028b4dc6da9b2ca369"), d.checksums());
    }

    @Test
    void aPackageWithoutTheFieldsIsItsOwnSourceWithoutChecksum() throws Exception {
        ApkDatabase db = new ApkDatabase(ROOT);
        InstalledPackage hello = named(db, "hello");
        InstalledPackage busybox = named(db, "busybox");
        Map<InstalledPackage, PackageDetails> d = db.details(List.of(hello, busybox));
        assertEquals(List.of(busybox, hello), new ArrayList<>(d.keySet()), "sorted, whatever the order asked");
        PackageDetails h = d.get(hello);
        assertEquals("hello", h.source());
        assertEquals(0, h.installedSize());
        assertEquals("", h.maintainer() + h.homepage() + h.license());
        assertTrue(h.checksums().isEmpty(), "a C: that is not Q1 + base64 SHA-1 gives no checksum");
        assertEquals("GPL-2.0-only", d.get(busybox).license());
        assertEquals(950000, d.get(busybox).installedSize());
    }

    @Test
    void recordsAreTheBlocksVerbatim() throws Exception {
        ApkDatabase db = new ApkDatabase(ROOT);
        String text = Files.readString(ROOT.resolve("lib/apk/db/installed"));
        StringBuilder all = new StringBuilder();
        List<InstalledPackage> inFileOrder = List.of(named(db, "musl"), named(db, "busybox"), named(db, "hello"));
        Map<InstalledPackage, PackageDetails> details = db.details(inFileOrder);
        for (InstalledPackage p : inFileOrder) {
            PackageDetails d = details.get(p);
            assertTrue(d.record().startsWith("C:") && d.record().endsWith("\n") && !d.record().endsWith("\n\n"));
            all.append(d.record()).append('\n');
        }
        assertEquals(text, all.toString());
    }

    @Test
    void sha1OnlyFromQ1AndTwentyBytes() {
        assertEquals("c248a631403c594f84f8e2028b4dc6da9b2ca369", ApkDetails.sha1Hex("Q1wkimMUA8WU+E+OICi03G2psso2k="));
        assertNull(ApkDetails.sha1Hex("Q1fixturechecksumhello000000000000="));
        assertNull(ApkDetails.sha1Hex("Q1AAAA"));
        assertNull(ApkDetails.sha1Hex("d41d8cd98f00b204e9800998ecf8427e"));
        assertNull(ApkDetails.sha1Hex(null));
    }

    @Test
    void aPackageGoneFromTheDatabaseIsAnErrorNamingIt(@TempDir Path tmp) throws Exception {
        Path installed = Files.createDirectories(tmp.resolve("lib/apk/db")).resolve("installed");
        Files.writeString(installed, "P:musl\nV:1.2.5-r0\nA:x86_64\n");
        ApkDatabase db = new ApkDatabase(tmp);
        List<InstalledPackage> all = db.installedPackages();
        Files.writeString(installed, "P:musl\nV:1.2.5-r1\nA:x86_64\n");
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> db.details(all));
        assertEquals("reading " + installed + ": package musl:x86_64=1.2.5-r0 is not in it (was it removed while"
                + " the build ran?)", e.getMessage());
    }
}
