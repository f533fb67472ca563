package org.jsupermin.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsupermin.format.TarStreams;
import org.jsupermin.testing.SampleTree;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciImageWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private ImageRequest request(ApplianceTree tree, int layers, List<Referrer> referrers) throws Exception {
        PackageOwners owners = PackageOwners.of(Map.of("/usr/bin/su", "small", "/usr/lib/big.bin", "large"),
                Map.of("small", 10L, "large", 5_000L));
        ImageConfig config = ImageConfigParser.parse(Map.of("--cmd", List.of("/bin/sh -c 'echo hi'"),
                "--env", List.of("LANG=C.UTF-8"), "--expose", List.of("8080")), Platform.ofCpu("x86_64"), 946684800L);
        return new ImageRequest(LayerPlanner.plan(tree, owners, layers), config, LayerCompression.GZIP,
                List.of("example.test/base:1"), referrers);
    }

    @Test
    void aLayoutNamesItsBlobsByTheirDigests() throws Exception {
        ApplianceTree tree = SampleTree.tree(tmp);
        Path dir = tmp.resolve("layout");
        OciImage image = OciImageWriter.writeLayout(request(tree, 3, List.of()), dir, Reporter.SILENT);
        assertEquals("{\"imageLayoutVersion\":\"1.0.0\"}", Files.readString(dir.resolve("oci-layout")));
        JsonNode index = JSON.readTree(dir.resolve("index.json").toFile());
        JsonNode descriptor = index.get("manifests").get(0);
        assertEquals(image.manifest().digest(), descriptor.get("digest").asText());
        assertEquals("example.test/base:1", descriptor.get("annotations").get(OciDocuments.REF_NAME).asText());
        JsonNode manifest = JSON.readTree(blob(dir, descriptor.get("digest").asText()));
        JsonNode config = JSON.readTree(blob(dir, manifest.get("config").get("digest").asText()));
        assertEquals("amd64", config.get("architecture").asText());
        assertEquals("2000-01-01T00:00:00Z", config.get("created").asText());
        assertEquals("[\"/bin/sh\",\"-c\",\"echo hi\"]", config.get("config").get("Cmd").toString());
        assertEquals("[\"PATH=" + ImageConfig.DEFAULT_PATH + "\",\"LANG=C.UTF-8\"]",
                config.get("config").get("Env").toString());
        assertEquals("{\"8080/tcp\":{}}", config.get("config").get("ExposedPorts").toString());
        JsonNode layers = manifest.get("layers");
        assertEquals(3, layers.size());
        assertEquals(3, config.get("history").size());
        for (int i = 0; i < layers.size(); i++) {
            String digest = layers.get(i).get("digest").asText();
            byte[] compressed = blob(dir, digest);
            assertEquals(compressed.length, layers.get(i).get("size").asLong());
            assertEquals(digest, sha256(compressed));
            assertEquals(config.get("rootfs").get("diff_ids").get(i).asText(), sha256(gunzip(compressed)));
        }
        // nothing but the blobs the documents name
        try (var files = Files.list(dir.resolve("blobs/sha256"))) {
            assertEquals(5, files.count());
        }
    }

    @Test
    void aSingleLayerHoldsWhatTarFormatWrites() throws Exception {
        ApplianceTree tree = SampleTree.tree(tmp);
        Path dir = tmp.resolve("layout");
        OciImage image = OciImageWriter.writeLayout(request(tree, 1, List.of()), dir, Reporter.SILENT);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        TarStreams.write(tree.entries(), Reporter.SILENT, tar);
        assertArrayEquals(tar.toByteArray(), gunzip(blob(dir, image.layers().get(0).blob().digest())));
    }

    @Test
    void theSameTreeGivesTheSameArchiveBytes() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        OciImageWriter.writeArchive(request(SampleTree.tree(tmp), 3, List.of()), first, a, Reporter.SILENT);
        OciImageWriter.writeArchive(request(SampleTree.shuffledTree(tmp, 3), 3, List.of()), second, b,
                Reporter.SILENT);
        assertArrayEquals(first.toByteArray(), second.toByteArray());
        assertEquals(0, first.size() % 10240);
    }

    @Test
    void aReferrerNamesTheImageAsItsSubject() throws Exception {
        Path dir = tmp.resolve("layout");
        byte[] sbom = "{\"spdxVersion\":\"SPDX-2.3\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        OciImage image = OciImageWriter.writeLayout(request(SampleTree.tree(tmp), 2,
                List.of(new Referrer("application/spdx+json", sbom))), dir, Reporter.SILENT);
        JsonNode index = JSON.readTree(dir.resolve("index.json").toFile());
        assertEquals(2, index.get("manifests").size());
        JsonNode listed = index.get("manifests").get(1);
        assertEquals("application/spdx+json", listed.get("artifactType").asText());
        JsonNode referrer = JSON.readTree(blob(dir, listed.get("digest").asText()));
        assertEquals(image.manifest().digest(), referrer.get("subject").get("digest").asText());
        assertEquals(OciImageWriter.EMPTY_TYPE, referrer.get("config").get("mediaType").asText());
        assertArrayEquals(sbom, blob(dir, referrer.get("layers").get(0).get("digest").asText()));
    }

    private static byte[] blob(Path dir, String digest) throws Exception {
        return Files.readAllBytes(dir.resolve("blobs/sha256").resolve(digest.substring("sha256:".length())));
    }

    private static String sha256(byte[] b) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static byte[] gunzip(byte[] b) throws Exception {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }
}
