package org.jsupermin.packages.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.testing.FuzzScratch;
import org.jsupermin.testing.VersionOrderProperties;

/**
 * Fuzzes what the rpm backend reads: header blobs, the rpmdb.sqlite file around them, rich
 * dependencies and versions. Seeds (under {@code RpmFuzzTestInputs}) are a header and a database
 * written by Debian's rpm for a small package built with rpmbuild (see the README there). Only
 * {@link PackageDatabaseException} may come out of the readers, and the dependency parser's
 * documented IllegalArgumentException out of it.
 */
class RpmFuzzTest {

    /** A header blob (as an rpmdb row holds it) read into a package. */
    @FuzzTest
    void header(byte[] data) {
        try {
            RpmHeader h = RpmHeader.parse(data, 0, "fuzz");
            assertTrue(h.length() <= data.length);
            RpmHeaderPackage p = RpmHeaderPackage.of(h, AccountNames.of(Path.of("/nonexistent")), "fuzz");
            InstalledPackage pkg = p.pkg();
            assertNotNull(pkg.name());
            for (List<Dependency> requirement : pkg.depends()) {
                assertFalse(requirement.isEmpty(), pkg + ": empty requirement");
            }
            for (PackageFile f : p.files()) {
                assertNotNull(f.path());
            }
        } catch (PackageDatabaseException e) {
            assertTrue(e.getMessage().startsWith("fuzz: "), e.getMessage());
        }
    }

    /** A whole rpmdb.sqlite: the Packages table walked and every header read. */
    @FuzzTest
    void database(byte[] data) throws Exception {
        try (FuzzScratch s = FuzzScratch.open()) {
            Path root = s.dir().resolve("root");
            Path file = s.write("root/var/lib/rpm/rpmdb.sqlite", data);
            try {
                RpmDatabase db = new RpmDatabase(root, file);
                List<InstalledPackage> installed = db.installedPackages();
                db.files(installed);
            } catch (PackageDatabaseException e) {
                assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            }
            s.assertOnly(List.of("root", "root/var", "root/var/lib", "root/var/lib/rpm",
                    "root/var/lib/rpm/rpmdb.sqlite"));
        }
    }

    /** rpm's boolean dependencies: groups of non-empty alternatives, or the documented error. */
    @FuzzTest
    void richDependency(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            for (List<Dependency> group : RichDependency.parse(text)) {
                assertFalse(group.isEmpty(), text);
                for (Dependency d : group) {
                    assertFalse(d.name().isEmpty(), text);
                }
            }
        } catch (IllegalArgumentException e) {
            assertNotNull(e.getMessage());
        }
    }

    /** Three EVRs, one a line: rpm's order is total and rpmvercmp antisymmetric. */
    @FuzzTest
    void versionsCompareConsistently(byte[] data) {
        String[] v = VersionOrderProperties.threeLines(data);
        VersionOrderProperties.checkPair(RpmVersion.INSTANCE, v[0], v[1]);
        VersionOrderProperties.checkPair(RpmVersion.INSTANCE, v[1], v[2]);
        VersionOrderProperties.checkTriple(RpmVersion.INSTANCE, v[0], v[1], v[2]);
        VersionOrderProperties.checkTriple(RpmVersion.INSTANCE, v[2], v[0], v[1]);
        assertEquals(-RpmVersion.vercmp(v[0], v[1]), RpmVersion.vercmp(v[1], v[0]));
    }
}
