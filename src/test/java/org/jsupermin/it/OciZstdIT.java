package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsupermin.testing.Commands;
import org.jsupermin.testing.DockerEngine;
import org.jsupermin.testing.Podman;
import org.jsupermin.testing.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -f oci --compression zstd} read by the real tools: skopeo sees the zstd media type,
 * podman loads and runs the image; the build's one warning says what Docker 20.10 (the tests'
 * private dockerd) and umoci 0.4.7 really do with it, and this checks that they do it.
 */
class OciZstdIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAG = "example.test/jsupermin/zstd:1";
    private static final String ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";

    @TempDir
    static Path tmp;
    private static Path layout;
    private static Path archive;
    /** The standard error of the build of the archive. */
    private static String warnings;

    @BeforeAll
    static void build() throws Exception {
        Path appliance = tmp.resolve("small.d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "dash", "base-passwd", "-o",
                appliance.toString()).orFail("prepare");
        layout = tmp.resolve("layout");
        Tools.jsupermin("--build", "-f", "oci", appliance.toString(), "-o", layout.toString(), "--tag", TAG,
                "--compression", "zstd", "--layers", "2", "--cmd", "/bin/sh -c 'echo hello from zstd'")
                .orFail("build the layout");
        archive = tmp.resolve("image.tar");
        Tools.Result built = Tools.jsupermin("--build", "-f", "oci", appliance.toString(), "-o", archive.toString(),
                "--tag", TAG, "--compression", "zstd", "--layers", "2", "--cmd", "/bin/sh -c 'echo hello from zstd'")
                .orFail("build the archive");
        warnings = built.stderr();
    }

    private static String zstdWarning() {
        List<String> lines = warnings.lines().filter(l -> l.contains("zstd")).toList();
        assertEquals(1, lines.size(), "one zstd warning: " + warnings);
        return lines.get(0);
    }

    @Test
    void theWarningComesOnceAndNamesDocker2010() {
        String w = zstdWarning();
        assertTrue(w.startsWith("supermin: warning: ") && w.contains("Docker 20.10") && w.contains("--compression"), w);
    }

    @Test
    void skopeoSeesZstdLayersInTheLayoutAndTheArchive() throws Exception {
        JsonNode manifest = JSON.readTree(Commands.run(List.of("skopeo", "inspect", "--raw", "oci:" + layout + ":" + TAG),
                null, Map.of(), 300).orFail().stdout());
        assertEquals(2, manifest.get("layers").size(), manifest.toString());
        for (JsonNode layer : manifest.get("layers")) {
            assertEquals(ZSTD, layer.get("mediaType").asText(), manifest.toString());
            byte[] head = new byte[4];
            try (var in = Files.newInputStream(layout.resolve("blobs/sha256/" + layer.get("digest").asText().substring(7)))) {
                assertEquals(4, in.read(head));
            }
            // zstd's frame magic number, 0xFD2FB528 little-endian
            assertEquals(List.of(0x28, 0xB5, 0x2F, 0xFD), List.of(head[0] & 0xff, head[1] & 0xff, head[2] & 0xff,
                    head[3] & 0xff));
        }
        JsonNode fromArchive = JSON.readTree(Commands.run(List.of("skopeo", "inspect", "--raw",
                "oci-archive:" + archive + ":" + TAG), null, Map.of(), 300).orFail().stdout());
        assertEquals(ZSTD, fromArchive.get("layers").get(0).get("mediaType").asText(), fromArchive.toString());
    }

    @Test
    void podmanLoadsAndRunsTheImage() {
        Podman podman = new Podman(tmp.resolve("podman/root"), tmp.resolve("podman/run"));
        assertTrue(podman.podman(600, "load", "-i", archive.toString()).orFail().stdout().contains(TAG));
        assertEquals("hello from zstd\n", podman.run(600, TAG).orFail().stdout());
    }

    /** What the warning says of Docker 20.10 is what its docker load does: it fails, naming the quoted error, and loads nothing. */
    @Test
    void docker2010RefusesTheImageAsTheWarningSays() throws Exception {
        Matcher quoted = Pattern.compile("docker load fails with \"([^\"]+)\"").matcher(zstdWarning());
        assertTrue(quoted.find(), zstdWarning());
        try (DockerEngine docker = DockerEngine.start()) {
            String version = docker.run("version", "--format", "{{.Server.Version}}").orFail().stdout().strip();
            assertTrue(version.startsWith("20.10."), "the tests' dockerd is 20.10: " + version);
            Commands.Result load = docker.run("load", "-i", archive.toString());
            assertNotEquals(0, load.exitCode(), load.stdout());
            assertTrue(load.stderr().contains(quoted.group(1)), load.stderr());
            assertFalse(docker.run("images", "--format", "{{.Repository}}:{{.Tag}}").orFail().stdout().contains(TAG));
        }
    }

    @Test
    void umociCannotUnpackItAsTheWarningSays() {
        assertTrue(zstdWarning().contains("umoci 0.4.7 cannot unpack it"), zstdWarning());
        assertTrue(Commands.ok("umoci", "--version").stdout().contains("0.4.7"));
        Commands.Result unpack = Commands.run(List.of("umoci", "unpack", "--rootless", "--image", layout + ":" + TAG,
                tmp.resolve("bundle").toString()), null, Map.of(), 300);
        String said = unpack.stdout() + unpack.stderr();
        assertTrue(said.contains("blob is not correct mediatype: " + ZSTD), said);
        assertFalse(Files.exists(tmp.resolve("bundle/rootfs/usr/bin/bash")), "nothing unpacked");
    }
}
