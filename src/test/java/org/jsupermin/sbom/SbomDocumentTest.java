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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.resolve.DependencyEdge;
import org.jsupermin.resolve.RequestedPackage;
import org.jsupermin.resolve.Resolution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documents of a small hand-made root: what each format says about each package, that both
 * validators accept them (and reject a broken one), and that the same input in another order
 * gives the same bytes.
 */
class SbomDocumentTest {

    private static final InstalledPackage BASH = PackageUrlTest.pkg("bash", "5.2.15-2+b2", "amd64");
    private static final InstalledPackage LIBC = PackageUrlTest.pkg("libc6", "2.36-9+deb12u4", "amd64");
    private static final InstalledPackage GCCBASE = PackageUrlTest.pkg("gcc-12-base", "12.2.0-14", "amd64");
    private static final InstalledPackage LIBGCC = PackageUrlTest.pkg("libgcc-s1", "1:12.2.0-14", "amd64");

    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void root() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve("usr/lib"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("usr/lib/os-release"), "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
                + "VERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nID=debian\n");
        Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("../usr/lib/os-release"));
        Path doc = Files.createDirectories(root.resolve("usr/share/doc"));
        copyright(doc, "bash", "single");
        copyright(doc, "libc6", "several");
        copyright(doc, "gcc-12-base", "exceptions");
        // as on Debian: a library's doc directory is a link to its source's base package's
        Files.createSymbolicLink(doc.resolve("libgcc-s1"), Path.of("gcc-12-base"));
    }

    private static void copyright(Path doc, String pkg, String fixture) throws IOException {
        Files.createDirectories(doc.resolve(pkg));
        Files.copy(Path.of("test-fixtures/copyright/" + fixture + ".copyright"), doc.resolve(pkg).resolve("copyright"));
    }

    private SbomRequest request(boolean shuffled, long epoch) {
        List<InstalledPackage> closure = new ArrayList<>(List.of(BASH, GCCBASE, LIBC, LIBGCC));
        List<DependencyEdge> edges = new ArrayList<>(List.of(edge(BASH, LIBC), edge(LIBC, LIBGCC), edge(LIBGCC, LIBC),
                edge(LIBGCC, GCCBASE), edge(BASH, LIBC)));
        Map<InstalledPackage, PackageDetails> details = new LinkedHashMap<>();
        details.put(BASH, new PackageDetails("bash", "5.2.15-2", 7_000_000, "Matthias Klose <doko@debian.org>",
                "http://tiswww.case.edu/php/chet/bash/bashtop.html", "", new TreeMap<>(Map.of("SHA256",
                "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")), ""));
        details.put(LIBC, new PackageDetails("glibc", "2.36-9+deb12u4", 12_000_000,
                "GNU Libc Maintainers <debian-glibc@lists.debian.org>", "https://www.gnu.org/software/libc/libc.html",
                "", new TreeMap<>(), ""));
        details.put(LIBGCC, new PackageDetails("gcc-12", "12.2.0-14", 100_000,
                "Debian GCC Maintainers <debian-gcc@lists.debian.org>", "not a URL", "", new TreeMap<>(), ""));
        if (shuffled) {
            Collections.shuffle(closure, new Random(7));
            Collections.shuffle(edges, new Random(7));
            Map<InstalledPackage, PackageDetails> reversed = new LinkedHashMap<>();
            List<InstalledPackage> keys = new ArrayList<>(details.keySet());
            Collections.reverse(keys);
            for (InstalledPackage k : keys) {
                reversed.put(k, details.get(k));
            }
            details = reversed;
        }
        Resolution resolution = new Resolution(List.of("bash"), closure, List.of(),
                List.of(new RequestedPackage("bash", BASH, null)), edges, "amd64");
        return new SbomRequest("appliance", resolution, details, "dpkg", root, epoch);
    }

    private static DependencyEdge edge(InstalledPackage from, InstalledPackage to) {
        Dependency d = Dependency.on(to.name());
        return new DependencyEdge(from, to, List.of(d), d, null);
    }

    @Test
    void whatTheDocumentSays() {
        SbomDocument doc = Sbom.of(request(false, 1_700_000_000L));
        assertEquals(new OsRelease("debian", "12", "bookworm"), doc.os());
        Map<String, SbomPackage> byName = new TreeMap<>();
        for (SbomPackage p : doc.packages()) {
            byName.put(p.name(), p);
        }
        SbomPackage bash = byName.get("bash");
        assertEquals("pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64&distro=debian-12", bash.purl().toString());
        assertEquals("Person: Matthias Klose (doko@debian.org)", bash.supplier().spdx());
        assertEquals("GPL-3.0-or-later", bash.license());
        assertTrue(bash.requested());
        assertEquals("Organization: GNU Libc Maintainers (debian-glibc@lists.debian.org)", byName.get("libc6").supplier().spdx());
        assertEquals("BSD-3-Clause AND GPL-2.0-or-later AND LGPL-2.1-or-later AND LicenseRef-public-domain AND MIT",
                byName.get("libc6").license());
        // through the doc directory link
        assertEquals("GPL-3.0-or-later WITH Autoconf-exception-3.0 AND LicenseRef-GPL-2-with-OpenSSL-exception",
                byName.get("libgcc-s1").license());
        // no details given: no supplier
        assertEquals("NOASSERTION", byName.get("gcc-12-base").supplier().spdx());
        assertFalse(byName.get("libc6").requested());
        assertEquals(List.of("LicenseRef-GPL-2-with-OpenSSL-exception", "LicenseRef-public-domain"),
                doc.extractedLicenses().stream().map(ExtractedLicense::id).toList());
        assertEquals(List.of(byName.get("libc6").ref()), List.copyOf(doc.dependsOn().get(bash.ref())));
        assertEquals(List.of(), List.copyOf(doc.dependsOn().get(byName.get("gcc-12-base").ref())));
    }

    @Test
    void spdxDocument() throws Exception {
        JsonNode doc = validDocument(SbomFormat.SPDX, "a.spdx.json");
        assertEquals("SPDX-2.3", doc.get("spdxVersion").asText());
        assertEquals("2023-11-14T22:13:20Z", doc.get("creationInfo").get("created").asText());
        assertEquals("Tool: jsupermin-" + Sbom.toolVersion(), doc.get("creationInfo").get("creators").get(0).asText());
        assertTrue(doc.get("documentNamespace").asText().matches("https://spdx\\.org/spdxdocs/jsupermin/appliance-[0-9a-f]{64}"));
        List<String> relationships = new ArrayList<>();
        for (JsonNode r : doc.get("relationships")) {
            relationships.add(r.get("spdxElementId").asText() + " " + r.get("relationshipType").asText() + " "
                    + r.get("relatedSpdxElement").asText());
        }
        assertEquals(List.of(
                "SPDXRef-DOCUMENT DESCRIBES SPDXRef-Package-bash-5.2.15-2-b2-amd64",
                "SPDXRef-Package-bash-5.2.15-2-b2-amd64 DEPENDS_ON SPDXRef-Package-libc6-2.36-9-deb12u4-amd64",
                "SPDXRef-Package-libc6-2.36-9-deb12u4-amd64 DEPENDS_ON SPDXRef-Package-libgcc-s1-1-12.2.0-14-amd64",
                "SPDXRef-Package-libgcc-s1-1-12.2.0-14-amd64 DEPENDS_ON SPDXRef-Package-gcc-12-base-12.2.0-14-amd64",
                "SPDXRef-Package-libgcc-s1-1-12.2.0-14-amd64 DEPENDS_ON SPDXRef-Package-libc6-2.36-9-deb12u4-amd64"),
                relationships);
        JsonNode bash = doc.get("packages").get(0);
        assertEquals("bash", bash.get("name").asText());
        assertEquals("SHA256", bash.get("checksums").get(0).get("algorithm").asText());
        assertEquals("http://tiswww.case.edu/php/chet/bash/bashtop.html", bash.get("homepage").asText());
        assertEquals("pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64&distro=debian-12",
                bash.get("externalRefs").get(0).get("referenceLocator").asText());
        assertEquals(2, doc.get("hasExtractedLicensingInfos").size());
        // a home page that is not a URL is left out, not written invalid
        for (JsonNode p : doc.get("packages")) {
            if (p.get("name").asText().equals("libgcc-s1")) {
                assertFalse(p.has("homepage"));
            }
        }
    }

    @Test
    void cycloneDxDocument() throws Exception {
        JsonNode doc = validDocument(SbomFormat.CYCLONEDX, "a.cdx.json");
        assertEquals("1.6", doc.get("specVersion").asText());
        assertTrue(doc.get("serialNumber").asText().matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertEquals("2023-11-14T22:13:20Z", doc.get("metadata").get("timestamp").asText());
        JsonNode bash = doc.get("components").get(0);
        assertEquals("pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64&distro=debian-12", bash.get("bom-ref").asText());
        assertEquals("Matthias Klose", bash.get("supplier").get("name").asText());
        assertEquals("SHA-256", bash.get("hashes").get(0).get("alg").asText());
        assertEquals("GPL-3.0-or-later", bash.get("licenses").get(0).get("expression").asText());
        JsonNode deps = doc.get("dependencies");
        assertEquals("appliance:appliance", deps.get(0).get("ref").asText());
        assertEquals(bash.get("bom-ref").asText(), deps.get(0).get("dependsOn").get(0).asText());
        assertEquals(1 + 4, deps.size());
    }

    /** The request's document in {@code format}, written to {@code fileName}, which its validator accepts. */
    private JsonNode validDocument(SbomFormat format, String fileName) throws Exception {
        byte[] bytes = format.bytes(Sbom.of(request(false, 1_700_000_000L)));
        Path file = Files.write(tmp.resolve(fileName), bytes);
        assertEquals(List.of(), format == SbomFormat.SPDX ? SbomValidators.spdxProblems(file)
                : SbomValidators.cycloneDxProblems(file));
        return new ObjectMapper().readTree(bytes);
    }

    @Test
    void sameInputInAnotherOrderSameBytes() {
        for (SbomFormat format : SbomFormat.values()) {
            byte[] a = format.bytes(Sbom.of(request(false, 1_700_000_000L)));
            byte[] b = format.bytes(Sbom.of(request(true, 1_700_000_000L)));
            assertArrayEquals(a, b, format.name());
            byte[] later = format.bytes(Sbom.of(request(false, 1_700_000_001L)));
            assertFalse(java.util.Arrays.equals(a, later), format.name());
            assertTrue(new String(a, StandardCharsets.UTF_8).endsWith("}\n"));
            assertFalse(new String(a, StandardCharsets.UTF_8).contains("\r"));
        }
    }

    @Test
    void linksCannotLeaveTheRoot() throws IOException {
        // a copyright "file" that is a link to a host file: read inside the root, where it is absent
        Path doc = root.resolve("usr/share/doc");
        Files.delete(doc.resolve("bash/copyright"));
        Path outside = Files.writeString(tmp.resolve("outside.copyright"),
                Files.readString(Path.of("test-fixtures/copyright/single.copyright")));
        Files.createSymbolicLink(doc.resolve("bash/copyright"), outside.toAbsolutePath());
        Files.createSymbolicLink(doc.resolve("loop"), Path.of("loop"));
        assertEquals("NOASSERTION", Sbom.of(request(false, 0)).packages().get(0).license());
        assertEquals(null, RootFiles.read(root, "/usr/share/doc/loop/copyright", 100));
        assertEquals(null, RootFiles.read(root, "/usr/share/doc/../../../../" + outside, 100_000));
        // ".." stops at the root
        assertTrue(RootFiles.read(root, "/../../usr/lib/os-release", 1000) != null);
    }

    @Test
    void anApplianceWithoutPackages() throws Exception {
        // hostfiles and base images only: a valid document that lists nothing
        Resolution none = new Resolution(List.of(), List.of(), List.of(), List.of(), List.of(), "amd64");
        SbomDocument doc = Sbom.of(new SbomRequest("empty", none, Map.of(), "dpkg", root, 0));
        Path spdx = Files.write(tmp.resolve("e.spdx.json"), SbomFormat.SPDX.bytes(doc));
        assertEquals(List.of(), SbomValidators.spdxProblems(spdx));
        Path cdx = Files.write(tmp.resolve("e.cdx.json"), SbomFormat.CYCLONEDX.bytes(doc));
        assertEquals(List.of(), SbomValidators.cycloneDxProblems(cdx));
    }

    @Test
    void validatorsRejectABrokenDocument() throws Exception {
        String spdx = new String(SbomFormat.SPDX.bytes(Sbom.of(request(false, 0))), StandardCharsets.UTF_8);
        Path bad = tmp.resolve("bad.spdx.json");
        Files.writeString(bad, spdx.replace("\"GPL-3.0-or-later\"", "\"GPL-3.0-or-later AND LicenseRef-nowhere\""));
        assertFalse(SbomValidators.spdxProblems(bad).isEmpty());
        String cdx = new String(SbomFormat.CYCLONEDX.bytes(Sbom.of(request(false, 0))), StandardCharsets.UTF_8);
        Path badCdx = tmp.resolve("bad.cdx.json");
        Files.writeString(badCdx, cdx.replace("\"type\": \"library\"", "\"type\": \"shelf\""));
        assertFalse(SbomValidators.cycloneDxProblems(badCdx).isEmpty());
    }
}
