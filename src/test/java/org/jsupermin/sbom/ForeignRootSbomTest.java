package org.jsupermin.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.drivers.PackageDatabases;
import org.jsupermin.resolve.Resolution;
import org.jsupermin.resolve.Resolver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SBOMs of the apk and pacman fixture roots: the PURL types and default namespaces of those
 * databases (the roots have no os-release), their license fields kept as SPDX expressions, and
 * both documents valid.
 */
class ForeignRootSbomTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "apk, busybox, pkg:apk/alpine/busybox@1.36.1-r29?arch=x86_64, GPL-2.0-only",
        "pacman, bash, pkg:alpm/arch/bash@5.2.026-2?arch=x86_64, GPL-3.0-or-later AND LGPL-2.1-only",
    })
    void fixtureRoot(String fixture, String name, String purl, String license) throws Exception {
        PackageDatabase db = PackageDatabases.detect(Path.of("test-fixtures", fixture, "root"));
        List<String> names = new ArrayList<>();
        for (InstalledPackage p : db.installedPackages()) {
            names.add(p.name());
        }
        Resolution resolution = new Resolver(db.installedPackages(), db.versionScheme(), db.nativeArch()).resolve(names);
        SbomDocument doc = Sbom.of(new SbomRequest(fixture, resolution, db.details(resolution.closure()),
                db.driverName(), db.root(), 0));
        Map<String, SbomPackage> byName = new TreeMap<>();
        for (SbomPackage p : doc.packages()) {
            byName.put(p.name(), p);
        }
        SbomPackage p = byName.get(name);
        assertEquals(purl, p.purl().toString());
        assertEquals(license, p.license());
        assertTrue(!p.supplier().name().isEmpty() || fixture.equals("apk"), p.toString());
        // apk records each package's checksum (C:, a SHA-1), which both documents carry; pacman's local
        // database keeps none
        assertEquals(fixture.equals("apk"), doc.packages().stream().anyMatch(x -> !x.checksums().isEmpty()),
                doc.packages().toString());
        Path spdx = Files.write(tmp.resolve("a.spdx.json"), SbomFormat.SPDX.bytes(doc));
        assertEquals(List.of(), SbomValidators.spdxProblems(spdx));
        Path cdx = Files.write(tmp.resolve("a.cdx.json"), SbomFormat.CYCLONEDX.bytes(doc));
        assertEquals(List.of(), SbomValidators.cycloneDxProblems(cdx));
    }
}
