package org.jsupermin.packages.pacman;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.packages.VersionSegments;
import org.jsupermin.testing.FuzzScratch;
import org.jsupermin.testing.VersionOrderProperties;

/**
 * Fuzzes pacman's local database and version ordering (seeds under {@code PacmanFuzzTestInputs}:
 * {@code desc} and {@code files} of the fixture root's packages, and real versions). An input is
 * a package's {@code desc}, a NUL byte, and its {@code files}. Only
 * {@link PackageDatabaseException} may come out of the reader, naming the file.
 */
class PacmanFuzzTest {

    @FuzzTest
    void localDatabase(byte[] data) throws Exception {
        int nul = 0;
        while (nul < data.length && data[nul] != 0) {
            nul++;
        }
        byte[] desc = Arrays.copyOfRange(data, 0, nul);
        byte[] files = nul < data.length ? Arrays.copyOfRange(data, nul + 1, data.length) : null;
        try (FuzzScratch s = FuzzScratch.open()) {
            Path root = s.dir().resolve("root");
            s.write("root/" + PacmanDriver.LOCAL + "/pkg-1.0-1/desc", desc);
            if (files != null) {
                s.write("root/" + PacmanDriver.LOCAL + "/pkg-1.0-1/files", files);
            }
            try {
                PacmanDatabase db = new PacmanDatabase(root);
                List<InstalledPackage> installed = db.installedPackages();
                Map<InstalledPackage, List<PackageFile>> listed = db.files(installed);
                for (InstalledPackage p : installed) {
                    for (List<Dependency> requirement : p.depends()) {
                        assertFalse(requirement.isEmpty(), p + ": empty requirement");
                    }
                    for (PackageFile f : listed.get(p)) {
                        assertTrue(f.path().startsWith("/"), f.path());
                    }
                }
            } catch (PackageDatabaseException e) {
                assertTrue(e.getMessage().contains(root.toString()), e.getMessage());
                // bytes that are not UTF-8 are names, as the tools read them, never a decoding error
                assertFalse(e.getCause() instanceof java.nio.charset.CharacterCodingException, e.getMessage());
            }
        }
    }

    /**
     * Three versions, one a line: antisymmetric; transitive when all three have a release or none
     * has (a missing release equals any release, so "1" = "1-1" = "1-2" while "1-1" < "1-2", as in
     * libalpm), and each starts and ends with a letter or digit with no two other characters in a
     * row. Other versions are not ordered transitively by libalpm itself: "~" > "%b" (a letter
     * segment left is older than nothing) and "%b" > "5" (the longer run of separators wins) but
     * "~" < "5" (a digit segment left is newer), as the kept input shows and
     * {@code PacmanVersionIT} checks against libalpm.
     */
    @FuzzTest
    void versionsCompareConsistently(byte[] data) {
        String[] v = VersionOrderProperties.threeLines(data);
        VersionOrderProperties.checkPair(PacmanVersion.INSTANCE, v[0], v[1]);
        VersionOrderProperties.checkPair(PacmanVersion.INSTANCE, v[1], v[2]);
        boolean r0 = PacmanVersion.split(v[0])[2] != null;
        if (r0 == (PacmanVersion.split(v[1])[2] != null) && r0 == (PacmanVersion.split(v[2])[2] != null)
                && separatedSingly(v[0]) && separatedSingly(v[1]) && separatedSingly(v[2])) {
            VersionOrderProperties.checkTriple(PacmanVersion.INSTANCE, v[0], v[1], v[2]);
            VersionOrderProperties.checkTriple(PacmanVersion.INSTANCE, v[2], v[0], v[1]);
        }
    }

    /** Starts and ends with an ASCII letter or digit, with no two other characters in a row. */
    static boolean separatedSingly(String v) {
        if (v.isEmpty() || !VersionSegments.isAlnum(v.charAt(0)) || !VersionSegments.isAlnum(v.charAt(v.length() - 1))) {
            return false;
        }
        for (int i = 1; i < v.length(); i++) {
            if (!VersionSegments.isAlnum(v.charAt(i)) && !VersionSegments.isAlnum(v.charAt(i - 1))) {
                return false;
            }
        }
        return true;
    }
}
