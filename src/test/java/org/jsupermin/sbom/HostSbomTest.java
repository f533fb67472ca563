package org.jsupermin.sbom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * every version through the PURL encoding, every dependency edge into the documents.
 */
class HostSbomTest {

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
}
