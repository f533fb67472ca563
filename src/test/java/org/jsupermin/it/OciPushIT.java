package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jsupermin.testing.LocalRegistry;
import org.jsupermin.testing.Podman;
import org.jsupermin.testing.Tools.Result;
import org.jsupermin.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole seed workflow from the command line: prepare, {@code --build -f oci --push} to a real
 * registry with htpasswd authentication, pull with podman, run; a refused push and a second
 * push of the same image.
 */
class OciPushIT {

    private static final String USER = "ci";
    private static final String PASSWORD = "p4ss-w0rd";

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static LocalRegistry registry;
    private static Path appliance;

    @BeforeAll
    static void start() throws Exception {
        registry = LocalRegistry.withBasicAuth(Files.createDirectories(shared.resolve("registry")), USER, PASSWORD);
        appliance = shared.resolve("supermin.d");
        Tools.jsupermin("--prepare", "--use-installed", "dash", "coreutils", "base-passwd", "-o", appliance.toString())
                .orFail("prepare");
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    private Map<String, String> dockerConfig(String password) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("docker-" + password.length()));
        String auth = Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("config.json"), "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + auth + "\"}}}");
        return Map.of("DOCKER_CONFIG", dir.toString());
    }

    private Result buildAndPush(Map<String, String> env, String ref, String output, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--build", "-f", "oci", "--cmd", "/bin/sh -c 'echo pushed and pulled'",
                appliance.toString(), "-o", tmp.resolve(output).toString(), "--push", registry.host() + "/" + ref));
        args.addAll(List.of(extra));
        return Tools.jsupermin(env, args.toArray(String[]::new));
    }

    @Test
    void buildPushPullRun() throws Exception {
        Map<String, String> env = dockerConfig(PASSWORD);
        Result pushed = buildAndPush(env, "seed/base:1", "image.d", "-v");
        pushed.orFail("build and push");
        assertTrue(pushed.stdout().lines().anyMatch(l -> l.matches(".*blob sha256:[0-9a-f]{12}: uploaded \\(\\d+ bytes\\)")),
                pushed.stdout());
        assertFalse((pushed.stdout() + pushed.stderr()).contains(PASSWORD));

        Podman podman = new Podman(tmp.resolve("proot"), tmp.resolve("prun"));
        podman.podman(300, "pull", "--tls-verify=false", "--creds", USER + ":" + PASSWORD,
                "docker://" + registry.host() + "/seed/base:1").orFail();
        assertEquals("pushed and pulled", podman.run(300, registry.host() + "/seed/base:1").orFail().stdout().strip());

        // the same image again, as an archive this time (pushed from the layout written on the way):
        // the tag already names it, so only the ping and HEAD requests reach the registry
        int before = registry.requests().size();
        Result again = buildAndPush(env, "seed/base:1", "image.tar", "-v");
        again.orFail("second push");
        assertTrue(Files.isRegularFile(tmp.resolve("image.tar")));
        List<LocalRegistry.Request> made = registry.requests().subList(before, registry.requests().size());
        assertTrue(made.stream().allMatch(r -> r.method().equals("HEAD") || r.path().equals("/v2/")), made.toString());
    }

    @Test
    void wrongCredentialsExitOneWithOneLine() throws Exception {
        Path out = tmp.resolve("refused");
        Result r = Tools.jsupermin(dockerConfig("wrong-password-here"), "--build", "-f", "oci", appliance.toString(),
                "-o", out.toString(), "--push", registry.host() + "/seed/refused:1");
        assertEquals(1, r.exit(), r.stderr());
        List<String> lines = r.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), r.stderr());
        assertTrue(lines.get(0).contains("UNAUTHORIZED") && lines.get(0).contains("docker login " + registry.host()), lines.get(0));
        assertFalse(r.stderr().contains("wrong-password-here") || r.stderr().contains("at org."), r.stderr());
        assertFalse(Files.exists(out), "no output for a failed build");
    }
}
