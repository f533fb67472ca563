package org.jsupermin.sbom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.drivers.PackageDatabases;
import org.jsupermin.resolve.Resolution;
import org.jsupermin.resolve.Resolver;
import org.jsupermin.util.SourceDateEpoch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SBOM of every package installed on this (Debian) host, in both formats, checked by the
 * formats' own validators: every copyright file of the host goes through the license mapping,
 * every version through the PURL encoding, every dependency edge into the documents. And every
 * copyright file of the host on its own: none may fail, and most machine-readable ones map.
 */
class HostSbomIT {

    @TempDir
    Path tmp;

    @Test
    void wholeHostInBothFormatsIsValidAndReproducible() throws Exception {
        PackageDatabase db = PackageDatabases.detect(Path.of("/"));
        List<String> names = new ArrayList<>();
        for (InstalledPackage p : db.installedPackages()) {
            names.add(p.id());
        }
        Resolution resolution = new Resolver(db.installedPackages(), db.versionScheme(), db.nativeArch()).resolve(names);
        SbomRequest request = new SbomRequest("host", resolution, db.details(resolution.closure()), db.driverName(),
                db.root(), SourceDateEpoch.DEFAULT);
        SbomDocument doc = Sbom.of(request);
        assertEquals(resolution.closure().size(), doc.packages().size());
        int supplied = 0;
        for (SbomPackage p : doc.packages()) {
            supplied += p.supplier().name().isEmpty() ? 0 : 1;
        }
        // dpkg requires a Maintainer
        assertEquals(doc.packages().size(), supplied);

        Path spdx = tmp.resolve("host.spdx.json");
        Files.write(spdx, SbomFormat.SPDX.bytes(doc));
        assertEquals(List.of(), SbomValidators.spdxProblems(spdx));
        Path cdx = tmp.resolve("host.cdx.json");
        Files.write(cdx, SbomFormat.CYCLONEDX.bytes(doc));
        assertEquals(List.of(), SbomValidators.cycloneDxProblems(cdx));

        // the same input read again: the same bytes
        SbomDocument again = Sbom.of(request);
        assertArrayEquals(Files.readAllBytes(spdx), SbomFormat.SPDX.bytes(again));
        assertArrayEquals(Files.readAllBytes(cdx), SbomFormat.CYCLONEDX.bytes(again));

        JsonNode tree = new ObjectMapper().readTree(spdx.toFile());
        int edges = 0;
        for (JsonNode r : tree.get("relationships")) {
            edges += r.get("relationshipType").asText().equals("DEPENDS_ON") ? 1 : 0;
        }
        assertTrue(edges > doc.packages().size() / 2, "DEPENDS_ON edges: " + edges);
        assertEquals("2000-01-01T00:00:00Z", tree.get("creationInfo").get("created").asText());
    }

    /** Every copyright file of this host: none may fail; most machine-readable ones map to something. */
    @Test
    void hostCopyrightFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> docs = Files.list(Path.of("/usr/share/doc"))) {
            for (Path dir : docs.sorted().toList()) {
                Path f = dir.resolve("copyright");
                if (Files.isRegularFile(f)) {
                    files.add(f);
                }
            }
        }
        assertTrue(files.size() > 100, "copyright files on this host: " + files.size());
        int machineReadable = 0;
        int mapped = 0;
        ExtractedLicenses extracted = new ExtractedLicenses();
        LicenseExpressions licenses = new LicenseExpressions(extracted);
        for (Path f : files) {
            DebianCopyright c = DebianCopyright.parse(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            machineReadable += c.machineReadable() ? 1 : 0;
            String expression = licenses.of(c);
            if (!expression.equals("NOASSERTION")) {
                mapped++;
                assertFalse(expression.isBlank(), f.toString());
            }
        }
        System.out.printf("%d copyright files, %d machine-readable, %d mapped to an SPDX expression, %d LicenseRefs%n",
                files.size(), machineReadable, mapped, extracted.all().size());
        assertTrue(mapped * 10 >= machineReadable * 9, mapped + " of " + machineReadable + " machine-readable files mapped");
    }
}
