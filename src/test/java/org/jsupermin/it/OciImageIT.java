package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsupermin.testing.Commands;
import org.jsupermin.testing.Podman;
import org.jsupermin.testing.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -f oci} of real host packages, read by the real tools: skopeo inspects the layout and
 * both readings of the tar, umoci unpacks it (hard links, symlinks, devices), podman loads and
 * runs it; two builds (root and nobody) give the same digest; one changed package changes one layer.
 */
class OciImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAG = "example.test/jsupermin/small:1";

    @TempDir
    static Path tmp;
    private static Path appliance;

    /** bash, coreutils, dash, base-passwd and gzip (whose gunzip and uncompress are hard links), and a /dev base image. */
    @BeforeAll
    static void prepare() throws Exception {
        appliance = tmp.resolve("small.d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "dash", "base-passwd", "gzip",
                "-o", appliance.toString()).orFail("prepare");
        Tools.run("python3", "-c", String.join("\n",
                "import tarfile, sys",
                "t = tarfile.open(sys.argv[1], 'w', format=tarfile.PAX_FORMAT)",
                "for name, major, minor in (('dev/null', 1, 3), ('dev/zero', 1, 5)):",
                "    i = tarfile.TarInfo(name); i.type = tarfile.CHRTYPE; i.mode = 0o666",
                "    i.devmajor, i.devminor = major, minor; t.addfile(i)",
                "t.close()"), appliance.resolve("dev.tar").toString()).orFail("dev.tar");
    }

    private static Path build(String name, String... options) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("--build", "-f", "oci", appliance.toString(), "-o", out.toString(),
                "--tag", TAG, "--cmd", "/bin/sh -c 'echo hello from $0'", "--env", "GREETING=hi"));
        args.addAll(List.of(options));
        Tools.jsupermin(args.toArray(String[]::new)).orFail("build " + name);
        return out;
    }

    private static JsonNode skopeo(String image) throws IOException {
        return JSON.readTree(Commands.run(List.of("skopeo", "inspect", image), null, Map.of(), 300).orFail().stdout());
    }

    private static JsonNode rawManifest(String image) throws IOException {
        return JSON.readTree(Commands.run(List.of("skopeo", "inspect", "--raw", image), null, Map.of(), 300).orFail()
                .stdout());
    }

    @Test
    void skopeoReadsTheLayoutAndTheTarBothWays() throws Exception {
        Path dir = build("layout", "--layers", "4");
        Path tar = build("image.tar", "--layers", "4");
        JsonNode layout = skopeo("oci:" + dir + ":" + TAG);
        assertEquals("amd64", layout.get("Architecture").asText());
        assertEquals("linux", layout.get("Os").asText());
        assertEquals("2000-01-01T00:00:00Z", layout.get("Created").asText());
        assertEquals(4, layout.get("Layers").size(), layout.toString());
        assertTrue(layout.get("Env").toString().contains("GREETING=hi"), layout.toString());
        // the tar holds the same image: same manifest digest through oci-archive, same config through docker-archive
        assertEquals(layout.get("Digest").asText(), skopeo("oci-archive:" + tar + ":" + TAG).get("Digest").asText());
        JsonNode config = JSON.readTree(Commands.run(List.of("skopeo", "inspect", "--config", "--raw",
                "docker-archive:" + tar), null, Map.of(), 300).orFail().stdout());
        assertEquals("[\"/bin/sh\",\"-c\",\"echo hello from $0\"]", config.get("config").get("Cmd").toString());
        assertEquals(4, config.get("history").size());
        assertEquals(rawManifest("oci:" + dir + ":" + TAG).get("layers").size(), config.get("rootfs").get("diff_ids").size());
    }

    @Test
    void umociRestoresHardLinksSymlinksAndDevices() throws Exception {
        Path dir = build("umoci-layout", "--layers", "3");
        Path bundle = tmp.resolve("bundle");
        Commands.run(List.of("umoci", "unpack", "--image", dir + ":" + TAG, bundle.toString()), null, Map.of(), 600)
                .orFail();
        Path rootfs = bundle.resolve("rootfs");
        Object gunzip = Files.getAttribute(rootfs.resolve("usr/bin/gunzip"), "unix:ino");
        assertEquals(gunzip, Files.getAttribute(rootfs.resolve("usr/bin/uncompress"), "unix:ino"), "hard link");
        assertEquals("usr/bin", Files.readSymbolicLink(rootfs.resolve("bin")).toString());
        assertEquals(0x0103, ((Number) Files.getAttribute(rootfs.resolve("dev/null"), "unix:rdev")).intValue());
        assertEquals(0, ((Number) Files.getAttribute(rootfs.resolve("usr/bin/bash"), "unix:uid")).intValue());
        // rootless, as an ordinary user unpacks: devices become empty files, the rest stays
        Path rootless = tmp.resolve("rootless");
        Commands.run(List.of("umoci", "unpack", "--rootless", "--image", dir + ":" + TAG, rootless.toString()), null,
                Map.of(), 600).orFail();
        assertTrue(Files.isExecutable(rootless.resolve("rootfs/usr/bin/dash")));
    }

    @Test
    void anSbomIsInTheImageAndAReferrerOfItInTheLayout() throws Exception {
        Path dir = build("sbom-layout", "--sbom", tmp.resolve("sbom.spdx.json").toString());
        JsonNode manifests = JSON.readTree(dir.resolve("index.json").toFile()).get("manifests");
        assertEquals(2, manifests.size(), manifests.toString());
        assertEquals("application/spdx+json", manifests.get(1).get("artifactType").asText());
        JsonNode referrer = JSON.readTree(dir.resolve("blobs/sha256/"
                + manifests.get(1).get("digest").asText().substring(7)).toFile());
        assertEquals(manifests.get(0).get("digest").asText(), referrer.get("subject").get("digest").asText());
        Path bundle = tmp.resolve("sbom-bundle");
        Commands.run(List.of("umoci", "unpack", "--rootless", "--image", dir + ":" + TAG, bundle.toString()), null,
                Map.of(), 600).orFail();
        String inImage = Files.readString(bundle.resolve("rootfs/usr/share/sbom/small.spdx.json"));
        assertTrue(inImage.contains("\"SPDX-2.3\"") && inImage.contains("pkg:deb/debian/bash@"), inImage);
        byte[] document = Files.readAllBytes(dir.resolve("blobs/sha256/"
                + referrer.get("layers").get(0).get("digest").asText().substring(7)));
        assertEquals(inImage, new String(document, StandardCharsets.UTF_8));
        // one document: the --sbom file holds the same bytes, named after the image's tag
        assertEquals(inImage, Files.readString(tmp.resolve("sbom.spdx.json")));
        assertEquals("small", JSON.readTree(inImage).get("name").asText());
    }

    @Test
    void podmanLoadsAndRunsTheTar() throws Exception {
        Path tar = build("podman.tar", "--layers", "2");
        Path storage = tmp.resolve("podman");
        Podman podman = new Podman(storage.resolve("root"), storage.resolve("run"));
        assertTrue(podman.podman(600, "load", "-i", tar.toString()).orFail().stdout().contains(TAG));
        assertEquals("hello from /bin/sh\n", podman.run(600, TAG).orFail().stdout());
        assertEquals("hi /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n0\ndev\n",
                podman.run(600, TAG, "/bin/bash", "-c", "echo $GREETING $PATH; id -u; test -c /dev/null && echo dev")
                        .orFail().stdout());
    }

    @Test
    void rootAndAnOrdinaryUserBuildTheSameImage() throws Exception {
        Path asRoot = build("root.tar", "--layers", "3");
        Path home = Files.createTempDirectory(Path.of("/tmp"), "jsupermin-oci-user");
        try {
            Tools.run("cp", "-r", Tools.JAR.toString(), Tools.JAR.getParent().resolve("lib").toString(), home.toString())
                    .orFail("cp jar");
            Tools.run("cp", "-r", appliance.toString(), home.resolve("d").toString()).orFail("cp d");
            Tools.run("chmod", "-R", "a+rwX", home.toString()).orFail("chmod");
            Path out = home.resolve("user.tar");
            Tools.run(List.of("runuser", "-u", "nobody", "--", "java", "-jar", home.resolve("jsupermin.jar").toString(),
                    "--build", "-f", "oci", home.resolve("d").toString(), "-o", out.toString(), "--tag", TAG,
                    "--cmd", "/bin/sh -c 'echo hello from $0'", "--env", "GREETING=hi", "--layers", "3"),
                    Map.of("LC_CTYPE", "C.UTF-8")).orFail("build as nobody");
            assertEquals(sha256(asRoot), sha256(out));
        } finally {
            Tools.run("rm", "-rf", home.toString());
        }
        // and standard output carries the same bytes
        String piped = Tools.run("bash", "-c", "set -o pipefail; " + Tools.LAUNCHER + " --build -f oci " + appliance
                + " -o - --tag " + TAG + " --cmd \"/bin/sh -c 'echo hello from \\$0'\" --env GREETING=hi --layers 3"
                + " | sha256sum").orFail("-o -").stdout();
        assertEquals(sha256(asRoot), piped.split(" ")[0]);
    }

    @Test
    void oneChangedPackageChangesOneLayer() throws Exception {
        Path root = FixtureRootWithFiles.copy(tmp.resolve("fixture-root"));
        Path d = tmp.resolve("fixture.d");
        Tools.jsupermin("--root", root.toString(), "--prepare", "--use-installed", "bash", "mawk", "base-passwd",
                "-o", d.toString()).orFail("prepare");
        List<String> before = layers(root, d, "before");
        assertTrue(before.size() >= 4, before.toString());
        Files.writeString(root.resolve("usr/bin/mawk"), "mawk 1.3.4-20200120-3.1+deb12u1 (an upgrade)\n",
                StandardCharsets.UTF_8);
        List<String> after = layers(root, d, "after");
        assertEquals(before.size(), after.size());
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            changed += before.get(i).equals(after.get(i)) ? 0 : 1;
        }
        assertEquals(1, changed, before + "\n" + after);
        assertNotEquals(before, after);
    }

    private static List<String> layers(Path root, Path d, String name) throws IOException {
        Path out = tmp.resolve(name);
        Tools.jsupermin("--root", root.toString(), "--build", "-f", "oci", "--layers", "8", d.toString(),
                "-o", out.toString()).orFail("build " + name);
        List<String> digests = new ArrayList<>();
        for (JsonNode l : rawManifest("oci:" + out).get("layers")) {
            digests.add(l.get("digest").asText());
        }
        return digests;
    }

    private static String sha256(Path f) {
        return Tools.run("sha256sum", f.toString()).orFail("sha256sum").stdout().split(" ")[0];
    }
}
