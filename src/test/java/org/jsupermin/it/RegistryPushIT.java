package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jsupermin.push.BlobOutcome;
import org.jsupermin.push.CredentialSources;
import org.jsupermin.push.ImagePusher;
import org.jsupermin.push.ImageReference;
import org.jsupermin.push.PushException;
import org.jsupermin.push.PushRequest;
import org.jsupermin.push.PushResult;
import org.jsupermin.testing.Commands;
import org.jsupermin.testing.LocalRegistry;
import org.jsupermin.testing.Podman;
import org.jsupermin.testing.StaticProgram;
import org.jsupermin.testing.TestLayouts.LayerFile;
import org.jsupermin.testing.TestLayouts.Layout;
import org.jsupermin.testing.TestLayouts;
import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images pushed to a real registry (docker-registry, htpasswd Basic authentication) and read back
 * by skopeo and podman: credentials from each place they are kept, a refusal in one line, a second
 * push that sends nothing, chunked uploads, cross-repository mounts, referrers.
 */
class RegistryPushIT {

    private static final String USER = "pusher";
    private static final String PASSWORD = "correct horse";

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static LocalRegistry registry;
    private static byte[] hello;

    @BeforeAll
    static void startRegistry() throws Exception {
        Path dir = Files.createDirectories(shared.resolve("registry"));
        registry = LocalRegistry.withBasicAuth(dir, USER, PASSWORD);
        hello = Files.readAllBytes(StaticProgram.compile(shared.resolve("hello"), "hello from the pushed image"));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private Layout layout(String name, byte[] extra) throws IOException {
        List<List<LayerFile>> layers = new java.util.ArrayList<>();
        layers.add(List.of(new LayerFile("hello", 0755, hello)));
        if (extra != null) {
            layers.add(List.of(new LayerFile("data/extra.bin", 0644, extra)));
        }
        return TestLayouts.image(tmp.resolve(name), null, List.of("/hello"), layers);
    }

    private CredentialSources dockerAuths(String user, String password) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home-" + user));
        Files.createDirectories(home.resolve(".docker"));
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + auth + "\"}}}");
        return CredentialSources.fromEnvironment(Map.of("PATH", "/usr/bin:/bin"), home);
    }

    private PushRequest request(Layout layout, String ref, CredentialSources credentials) {
        return new PushRequest(layout.dir(), ImageReference.parse(registry.host() + "/" + ref), List.of(), List.of(), credentials,
                PushRequest.defaultChunkSize());
    }

    private Commands.Result skopeo(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("skopeo"));
        cmd.addAll(List.of(args));
        return Commands.run(cmd, null, Map.of(), 300);
    }

    @Test
    void pushedWithConfigAuthsThenPulledBySkopeoAndRunByPodman() throws Exception {
        Layout layout = layout("app", null);
        List<String> said = new java.util.ArrayList<>();
        Reporter verbose = new Reporter() {
            @Override
            public void info(int level, String message) {
                said.add(message);
            }
        };
        PushResult result = new ImagePusher(verbose).push(request(layout, "team/app:1", dockerAuths(USER, PASSWORD)));
        assertEquals(layout.manifestDigest(), result.digest());
        assertTrue(result.manifestPushed());
        assertEquals(2, result.count(BlobOutcome.UPLOADED), result.toString());
        assertTrue(said.stream().anyMatch(s -> s.matches("blob sha256:[0-9a-f]{12}: uploaded \\(\\d+ bytes\\)")), said.toString());
        assertFalse(String.join("\n", said).contains(PASSWORD));

        String creds = USER + ":" + PASSWORD;
        String inspect = skopeo("inspect", "--tls-verify=false", "--creds", creds, "docker://" + registry.host() + "/team/app:1")
                .orFail().stdout();
        assertTrue(inspect.contains("\"Digest\": \"" + layout.manifestDigest() + "\""), inspect);
        skopeo("copy", "--src-tls-verify=false", "--src-creds", creds, "docker://" + registry.host() + "/team/app:1",
                "oci:" + tmp.resolve("copied") + ":1").orFail();
        assertTrue(Files.exists(tmp.resolve("copied/blobs/sha256/" + layout.layerDigests().get(0).substring(7))));

        Podman podman = new Podman(tmp.resolve("proot"), tmp.resolve("prun"));
        podman.podman(300, "pull", "--tls-verify=false", "--creds", creds, "docker://" + registry.host() + "/team/app:1")
                .orFail();
        assertEquals("hello from the pushed image", podman.run(300, registry.host() + "/team/app:1").orFail().stdout().strip());
    }

    @Test
    void wrongCredentialsFailInOneLineAndTagNothing() throws Exception {
        Layout layout = layout("wrong", null);
        PushException e = assertThrows(PushException.class,
                () -> new ImagePusher(Reporter.SILENT).push(request(layout, "wrong:1", dockerAuths(USER, "not the password"))));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.contains(registry.host()) && m.contains("UNAUTHORIZED") && m.contains("docker login " + registry.host()), m);
        assertTrue(m.contains("tag 1"), m);
        assertFalse(m.contains("not the password"), m);
        Commands.Result tags = skopeo("list-tags", "--tls-verify=false", "--creds", USER + ":" + PASSWORD,
                "docker://" + registry.host() + "/wrong");
        assertTrue(tags.exitCode() != 0 || !tags.stdout().contains("\"1\""), tags.stdout());
    }

    @Test
    void noCredentialsAtAllSaysToLogIn() throws Exception {
        Layout layout = layout("anon", null);
        CredentialSources none = CredentialSources.fromEnvironment(Map.of(), tmp.resolve("nobody-home"));
        PushException e = assertThrows(PushException.class,
                () -> new ImagePusher(Reporter.SILENT).push(request(layout, "anon:1", none)));
        assertTrue(e.getMessage().contains("UNAUTHORIZED") && e.getMessage().contains("docker login"), e.getMessage());
    }

    @Test
    void aSecondPushOfTheSameImageOnlyAsksHead() throws Exception {
        Layout layout = layout("again", randomBytes(200_000, 1));
        CredentialSources creds = dockerAuths(USER, PASSWORD);
        new ImagePusher(Reporter.SILENT).push(request(layout, "again:1", creds));
        int before = registry.requests().size();
        PushResult second = new ImagePusher(Reporter.SILENT).push(request(layout, "again:1", creds));
        assertFalse(second.manifestPushed());
        assertEquals(3, second.count(BlobOutcome.EXISTS));
        assertEquals(0, second.uploadedBytes());
        List<LocalRegistry.Request> made = registry.requests().subList(before, registry.requests().size());
        for (LocalRegistry.Request r : made) {
            assertTrue(r.method().equals("HEAD") || r.path().equals("/v2/"), "only HEAD requests after the ping: " + made);
        }
        assertEquals(Map.of("GET", 1, "HEAD", second.requests().get("HEAD")), second.requests());

        // the same image under a new tag: each blob HEAD once, nothing uploaded, then the manifest
        before = registry.requests().size();
        PushResult retag = new ImagePusher(Reporter.SILENT).push(request(layout, "again:2", creds));
        assertTrue(retag.manifestPushed());
        assertEquals(0, retag.uploadedBytes());
        made = registry.requests().subList(before, registry.requests().size());
        assertEquals(0, made.stream().filter(r -> r.method().equals("POST") || r.method().equals("PATCH")).count(), made.toString());
        assertEquals(1, made.stream().filter(r -> r.method().equals("PUT")).count(), made.toString());
    }

    @Test
    void aLayerAboveTheChunkSizeGoesInPatchChunks() throws Exception {
        byte[] big = randomBytes(3 * 1024 * 1024 + 12345, 2);
        Layout layout = layout("chunked", big);
        int before = registry.requests().size();
        PushRequest r = request(layout, "chunked:1", dockerAuths(USER, PASSWORD));
        PushResult result = new ImagePusher(Reporter.SILENT).push(new PushRequest(r.layout(), r.target(), List.of(), List.of(),
                r.credentials(), 1024 * 1024));
        assertEquals(3, result.count(BlobOutcome.UPLOADED));
        List<LocalRegistry.Request> made = registry.requests().subList(before, registry.requests().size());
        long patches = made.stream().filter(x -> x.method().equals("PATCH") && x.status() == 202).count();
        assertEquals(4, patches, made.toString());
        skopeo("copy", "--src-tls-verify=false", "--src-creds", USER + ":" + PASSWORD, "docker://" + registry.host() + "/chunked:1",
                "oci:" + tmp.resolve("back") + ":1").orFail();
        assertTrue(Files.exists(tmp.resolve("back/blobs/sha256/" + layout.layerDigests().get(1).substring(7))));
    }

    @Test
    void aSecondRepositoryOfTheSameRegistryMountsTheBlobs() throws Exception {
        Layout layout = layout("mounted", randomBytes(100_000, 3));
        CredentialSources creds = dockerAuths(USER, PASSWORD);
        ImagePusher pusher = new ImagePusher(Reporter.SILENT);
        pusher.push(request(layout, "first/app:1", creds));
        int before = registry.requests().size();
        PushResult second = pusher.push(request(layout, "second/app:1", creds));
        assertEquals(3, second.count(BlobOutcome.MOUNTED), second.toString());
        List<LocalRegistry.Request> made = registry.requests().subList(before, registry.requests().size());
        assertEquals(3, made.stream().filter(r -> r.method().equals("POST") && r.path().contains("mount=") && r.status() == 201)
                .count(), made.toString());
        skopeo("inspect", "--tls-verify=false", "--creds", USER + ":" + PASSWORD, "docker://" + registry.host() + "/second/app:1")
                .orFail();
    }

    @Test
    void credentialHelperOnPathAndRegistryAuthFile() throws Exception {
        Layout layout = layout("helped", null);
        Path home = Files.createDirectories(tmp.resolve("helper-home/.docker")).getParent();
        Files.writeString(home.resolve(".docker/config.json"), "{\"credHelpers\":{\"" + registry.host() + "\":\"test\"}}");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path helper = bin.resolve("docker-credential-test");
        Files.writeString(helper, "#!/bin/sh\nread url\n[ \"$url\" = \"" + registry.host() + "\" ] || exit 1\n"
                + "printf '{\"ServerURL\":\"%s\",\"Username\":\"" + USER + "\",\"Secret\":\"" + PASSWORD + "\"}' \"$url\"\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        CredentialSources viaHelper = CredentialSources.fromEnvironment(Map.of("PATH", bin + ":/usr/bin:/bin"), home);
        assertEquals(layout.manifestDigest(), new ImagePusher(Reporter.SILENT).push(request(layout, "helped:1", viaHelper)).digest());

        Path authFile = tmp.resolve("auth.json");
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Files.writeString(authFile, "{\"auths\":{\"" + registry.host() + "/podman\":{\"auth\":\"" + auth + "\"}}}");
        CredentialSources viaAuthFile = CredentialSources.fromEnvironment(Map.of("REGISTRY_AUTH_FILE", authFile.toString()),
                tmp.resolve("no-home"));
        assertEquals(layout.manifestDigest(),
                new ImagePusher(Reporter.SILENT).push(request(layout, "podman/app:1", viaAuthFile)).digest());
    }

    @Test
    void aReferrerIsListedUnderTheTagSchemaFallback() throws Exception {
        Layout layout = layout("sbom", null);
        String referrer = TestLayouts.addReferrer(layout, "application/spdx+json",
                "{\"spdxVersion\":\"SPDX-2.3\"}".getBytes(StandardCharsets.UTF_8));
        CredentialSources creds = dockerAuths(USER, PASSWORD);
        PushResult result = new ImagePusher(Reporter.SILENT).push(request(layout, "withsbom:1", creds));
        assertEquals(1, result.referrers());
        String tag = "sha256-" + layout.manifestDigest().substring(7);
        String index = skopeo("inspect", "--raw", "--tls-verify=false", "--creds", USER + ":" + PASSWORD,
                "docker://" + registry.host() + "/withsbom:" + tag).orFail().stdout();
        assertTrue(index.contains(referrer) && index.contains("\"artifactType\":\"application/spdx+json\""), index);
        String raw = skopeo("inspect", "--raw", "--tls-verify=false", "--creds", USER + ":" + PASSWORD,
                "docker://" + registry.host() + "/withsbom@" + referrer).orFail().stdout();
        assertTrue(raw.contains("\"subject\""), raw);

        int before = registry.requests().size();
        new ImagePusher(Reporter.SILENT).push(request(layout, "withsbom:1", creds));
        List<LocalRegistry.Request> made = registry.requests().subList(before, registry.requests().size());
        assertEquals(0, made.stream().filter(r -> r.method().equals("PUT") || r.method().equals("POST")).count(), made.toString());
    }

    @Test
    void aDamagedBlobIsNamedWithTheRegistrysReason() throws Exception {
        Layout layout = layout("damaged", randomBytes(50_000, 4));
        Path layer = layout.dir().resolve("blobs/sha256/" + layout.layerDigests().get(1).substring(7));
        byte[] bytes = Files.readAllBytes(layer);
        bytes[bytes.length / 2] ^= 1;
        Files.write(layer, bytes);
        PushException e = assertThrows(PushException.class,
                () -> new ImagePusher(Reporter.SILENT).push(request(layout, "damaged:1", dockerAuths(USER, PASSWORD))));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.contains("blob sha256:" + layout.layerDigests().get(1).substring(7, 19)) && m.contains("DIGEST_INVALID"), m);
        Commands.Result tags = skopeo("list-tags", "--tls-verify=false", "--creds", USER + ":" + PASSWORD,
                "docker://" + registry.host() + "/damaged");
        assertTrue(tags.exitCode() != 0 || !tags.stdout().contains("\"1\""), "no tag for a failed push: " + tags.stdout());
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
