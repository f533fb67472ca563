package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jsupermin.sbom.SbomValidators;
import org.jsupermin.testing.RpmRoot;
import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --sbom} on a real appliance of this host's bash and coreutils: SPDX and CycloneDX
 * documents that the formats' reference validators accept, naming exactly the appliance's
 * packages, the same bytes from two builds, written with {@code -o -} too, and never left behind by
 * a build that fails; and the SBOM of an rpm root made by the real rpm (its epoch as the PURL's
 * qualifier).
 */
class SbomIT {

    @TempDir
    Path tmp;
    private Path appliance;

    @BeforeEach
    void prepare() {
        appliance = tmp.resolve("d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "-o", appliance.toString()).orFail("prepare");
    }

    /** The packages a build's /packagelist lists, as "name_version_arch". */
    private TreeSet<String> packagelist(Path chroot) throws IOException {
        return new TreeSet<>(Files.readAllLines(chroot.resolve("packagelist")));
    }

    @Test
    void spdxOfAChrootNamesItsPackagesAndValidates() throws Exception {
        Path out = tmp.resolve("root");
        Path sbom = tmp.resolve("root.spdx.json");
        Tools.jsupermin("--build", "-f", "chroot", "--include-packagelist", "--sbom", sbom.toString(),
                appliance.toString(), "-o", out.toString()).orFail("build");
        assertEquals(List.of(), SbomValidators.spdxProblems(sbom));
        JsonNode doc = new ObjectMapper().readTree(sbom.toFile());
        assertEquals("SPDX-2.3", doc.get("spdxVersion").asText());
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode p : doc.get("packages")) {
            String purl = p.get("externalRefs").get(0).get("referenceLocator").asText();
            names.add(p.get("name").asText() + "_" + p.get("versionInfo").asText() + "_"
                    + purl.replaceFirst(".*[?&]arch=([^&]*).*", "$1"));
            assertTrue(purl.startsWith("pkg:deb/debian/" + p.get("name").asText().replace("+", "%2B") + "@"), purl);
            assertTrue(purl.contains("distro=debian-"), purl);
            assertFalse(p.get("supplier").asText().equals("NOASSERTION"), p.toString());
        }
        assertEquals(packagelist(out), names);
        TreeSet<String> described = new TreeSet<>();
        boolean bashNeedsLibc = false;
        for (JsonNode r : doc.get("relationships")) {
            String type = r.get("relationshipType").asText();
            if (type.equals("DESCRIBES")) {
                described.add(r.get("relatedSpdxElement").asText().replaceFirst("^SPDXRef-Package-([a-z0-9]+)-.*", "$1"));
            }
            bashNeedsLibc |= type.equals("DEPENDS_ON") && r.get("spdxElementId").asText().startsWith("SPDXRef-Package-bash-")
                    && r.get("relatedSpdxElement").asText().startsWith("SPDXRef-Package-libc6-");
        }
        assertEquals(new TreeSet<>(List.of("bash", "coreutils")), described);
        assertTrue(bashNeedsLibc, "bash DEPENDS_ON libc6");
    }

    @Test
    void cycloneDxOfATarIsValidAndReproducible() throws Exception {
        Path a = tmp.resolve("a.cdx.json");
        Path b = tmp.resolve("b.cdx.json");
        Tools.jsupermin("--build", "-f", "tar", "--sbom", a.toString(), "--sbom-format", "cyclonedx",
                appliance.toString(), "-o", tmp.resolve("base.tar").toString()).orFail("build a");
        Tools.jsupermin("--build", "-f", "tar", "--sbom", b.toString(), "--sbom-format", "cyclonedx",
                appliance.toString(), "-o", tmp.resolve("base.tar").toString()).orFail("build b");
        assertEquals(List.of(), SbomValidators.cycloneDxProblems(a));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        JsonNode doc = new ObjectMapper().readTree(a.toFile());
        assertEquals("1.6", doc.get("specVersion").asText());
        assertEquals("2000-01-01T00:00:00Z", doc.get("metadata").get("timestamp").asText());
        assertTrue(doc.get("components").size() > 5);
        // with SOURCE_DATE_EPOCH: that time, another serial number
        Path c = tmp.resolve("c.cdx.json");
        Tools.jsupermin(Map.of("SOURCE_DATE_EPOCH", "1700000000"), "--build", "-f", "tar", "--sbom", c.toString(),
                "--sbom-format", "cyclonedx", appliance.toString(), "-o", tmp.resolve("base.tar").toString()).orFail("c");
        JsonNode later = new ObjectMapper().readTree(c.toFile());
        assertEquals("2023-11-14T22:13:20Z", later.get("metadata").get("timestamp").asText());
        assertFalse(later.get("serialNumber").asText().equals(doc.get("serialNumber").asText()));
    }

    @Test
    void ifNewerRebuildsAMissingSbom() throws Exception {
        Path sbom = tmp.resolve("n.spdx.json");
        Path tar = tmp.resolve("n.tar");
        String[] args = {"--build", "--if-newer", "-v", "-f", "tar", "--sbom", sbom.toString(), appliance.toString(),
            "-o", tar.toString()};
        Tools.jsupermin(args).orFail("first");
        byte[] first = Files.readAllBytes(sbom);
        Result unchanged = Tools.jsupermin(args).orFail("second");
        assertTrue((unchanged.stdout() + unchanged.stderr()).contains("does not need rebuilding"), unchanged.stderr());
        Files.delete(sbom);
        Tools.jsupermin(args).orFail("third");
        assertArrayEquals(first, Files.readAllBytes(sbom));
    }

    @Test
    void writtenWithAStreamToo() throws Exception {
        Path sbom = tmp.resolve("stream.spdx.json");
        Path tar = tmp.resolve("stream.tar");
        Result r = Tools.run("sh", "-c", "exec \"$0\" --build -f tar --sbom \"$1\" \"$2\" -o - > \"$3\"",
                Tools.LAUNCHER.toString(), sbom.toString(), appliance.toString(), tar.toString());
        r.orFail("build to a stream");
        assertTrue(Files.size(tar) > 1_000_000, "the tar went to standard output");
        assertEquals(List.of(), SbomValidators.spdxProblems(sbom));
    }

    @Test
    void aFailedBuildLeavesThePreviousSbom() throws Exception {
        Path sbom = tmp.resolve("kept.spdx.json");
        Files.writeString(sbom, "previous\n");
        Path bad = tmp.resolve("bad");
        Files.createDirectories(bad);
        // neither a package list, nor hostfiles, excludefiles or a tar archive: refused
        Files.write(bad.resolve("mystery"), new byte[] {1, 2, 3, 4});
        Result r = Tools.jsupermin("--build", "-f", "tar", "--sbom", sbom.toString(), bad.toString(),
                "-o", tmp.resolve("x.tar").toString());
        assertEquals(1, r.exit(), r.stderr());
        assertEquals("previous\n", Files.readString(sbom));
        // a file nobody can write: one line before anything is built
        Result noDir = Tools.jsupermin("--build", "-f", "tar", "--sbom", tmp.resolve("missing/dir/s.json").toString(),
                appliance.toString(), "-o", tmp.resolve("y.tar").toString());
        assertEquals(1, noDir.exit(), noDir.stderr());
        assertEquals(1, noDir.stderr().strip().lines().count(), noDir.stderr());
        assertTrue(noDir.stderr().contains("--sbom"), noDir.stderr());
        assertFalse(Files.exists(tmp.resolve("y.tar")));
        // an unknown format is a usage error
        Result usage = Tools.jsupermin("--build", "-f", "tar", "--sbom", sbom.toString(), "--sbom-format", "swid",
                appliance.toString(), "-o", tmp.resolve("z.tar").toString());
        assertEquals(2, usage.exit(), usage.stderr());
        assertTrue(usage.stderr().contains("--sbom-format"), usage.stderr());
    }

    @Test
    void rpmRootWithAnEpoch() throws Exception {
        RpmRoot.Fixture fixture = RpmRoot.create(tmp.resolve("rpm"));
        Files.writeString(fixture.root().resolve("etc/os-release"), "NAME=\"Fedora Linux\"\nID=fedora\nVERSION_ID=40\n");
        Path d = tmp.resolve("rpm.d");
        String root = fixture.root().toString();
        Tools.jsupermin("--root", root, "--prepare", "hello", "--packages-from", fixture.rpms().toString(),
                "-o", d.toString()).orFail("prepare");
        Path sbom = tmp.resolve("rpm.spdx.json");
        Tools.jsupermin("--root", root, "--build", "-f", "tar", "--sbom", sbom.toString(), d.toString(),
                "-o", tmp.resolve("rpm.tar").toString()).orFail("build");
        assertEquals(List.of(), SbomValidators.spdxProblems(sbom));
        TreeSet<String> purls = new TreeSet<>();
        for (JsonNode p : new ObjectMapper().readTree(sbom.toFile()).get("packages")) {
            purls.add(p.get("externalRefs").get(0).get("referenceLocator").asText());
        }
        assertTrue(purls.contains("pkg:rpm/fedora/hello@2.0-1?arch=x86_64&distro=fedora-40&epoch=1"), purls.toString());
        assertEquals(4, purls.size(), purls.toString());
    }
}
