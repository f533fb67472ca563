package org.jsupermin.packages.apk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.testing.FuzzScratch;
import org.jsupermin.testing.VersionOrderProperties;

/**
 * Fuzzes apk's installed database and version ordering (seeds under {@code ApkFuzzTestInputs}:
 * the fixture root's {@code lib/apk/db/installed} and versions as Alpine writes them). Only {@link PackageDatabaseException} may come out of the reader, naming the file.
 */
class ApkFuzzTest {

    @FuzzTest
    void installedDatabase(byte[] data) throws Exception {
        try (FuzzScratch s = FuzzScratch.open()) {
            Path root = s.dir().resolve("root");
            Path file = s.write("root/" + ApkDriver.INSTALLED, data);
            try {
                ApkDatabase db = new ApkDatabase(root);
                List<InstalledPackage> installed = db.installedPackages();
                Map<InstalledPackage, List<PackageFile>> files = db.files(installed);
                for (InstalledPackage p : installed) {
                    for (List<Dependency> requirement : p.depends()) {
                        assertFalse(requirement.isEmpty(), p + ": empty requirement");
                    }
                    for (PackageFile f : files.get(p)) {
                        assertTrue(f.path().startsWith("/"), f.path());
                    }
                }
            } catch (PackageDatabaseException e) {
                assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
                // bytes that are not UTF-8 are names, as the tools read them, never a decoding error
                assertFalse(e.getCause() instanceof java.nio.charset.CharacterCodingException, e.getMessage());
            }
        }
    }

    /** Three versions, one a line: antisymmetric and transitive. */
    @FuzzTest
    void versionsCompareConsistently(byte[] data) {
        String[] v = VersionOrderProperties.threeLines(data);
        VersionOrderProperties.checkPair(ApkVersion.INSTANCE, v[0], v[1]);
        VersionOrderProperties.checkPair(ApkVersion.INSTANCE, v[1], v[2]);
        VersionOrderProperties.checkTriple(ApkVersion.INSTANCE, v[0], v[1], v[2]);
        VersionOrderProperties.checkTriple(ApkVersion.INSTANCE, v[2], v[0], v[1]);
    }
}
