package org.jsupermin.push;

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
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials are found where docker and podman keep them, and never shown. */
class CredentialStoreTest {

    @TempDir
    Path tmp;

    private static String auth(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private CredentialStore store(String dockerConfig, String authFile) throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve(".docker"));
        if (dockerConfig != null) {
            Files.writeString(home.resolve(".docker/config.json"), dockerConfig);
        }
        Map<String, String> env = new java.util.HashMap<>(Map.of("PATH", tmp.resolve("bin").toString()));
        if (authFile != null) {
            Files.writeString(tmp.resolve("auth.json"), authFile);
            env.put("REGISTRY_AUTH_FILE", tmp.resolve("auth.json").toString());
        }
        return new CredentialStore(CredentialSources.fromEnvironment(env, home));
    }

    @Test
    void dockerAuthsByHostAndByDockerHubUrl() throws Exception {
        CredentialStore s = store("{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"" + auth("user", "pa:ss") + "\"},"
                + "\"https://index.docker.io/v1/\":{\"auth\":\"" + auth("hubuser", "hubpass") + "\"}}}", null);
        RegistryCredentials c = s.find("127.0.0.1:5000", "app").orElseThrow();
        assertEquals("user", c.username());
        assertEquals("pa:ss", c.secret());
        assertEquals("hubuser", s.find("docker.io", "library/debian").orElseThrow().username());
        assertEquals(Optional.empty(), s.find("127.0.0.1:5001", "app"));
    }

    @Test
    void dockerConfigHonoursDockerConfigDirectory() throws Exception {
        Path dir = tmp.resolve("elsewhere");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), "{\"auths\":{\"reg.lan\":{\"auth\":\"" + auth("a", "b") + "\"}}}");
        CredentialSources sources = CredentialSources.fromEnvironment(Map.of("DOCKER_CONFIG", dir.toString()), tmp.resolve("nohome"));
        assertEquals(dir.resolve("config.json"), sources.dockerConfig());
        assertEquals("a", new CredentialStore(sources).find("reg.lan", "x").orElseThrow().username());
    }

    @Test
    void registryAuthFileComesFirstAndItsLongestRepositoryKeyWins() throws Exception {
        CredentialStore s = store("{\"auths\":{\"reg.lan\":{\"auth\":\"" + auth("docker", "d") + "\"}}}",
                "{\"auths\":{\"reg.lan\":{\"auth\":\"" + auth("podman", "p") + "\"},"
                        + "\"reg.lan/team\":{\"auth\":\"" + auth("team", "t") + "\"},"
                        + "\"reg.lan/team/app\":{\"auth\":\"" + auth("app", "a") + "\"}}}");
        assertEquals("podman", s.find("reg.lan", "other").orElseThrow().username());
        assertEquals("team", s.find("reg.lan", "team/base").orElseThrow().username());
        assertEquals("app", s.find("reg.lan", "team/app").orElseThrow().username());
        assertEquals("team", s.find("reg.lan", "team/application").orElseThrow().username());
    }

    @Test
    void credHelpersAndCredsStoreRunTheHelperWithTheServerUrlOnStandardInput() throws Exception {
        helper("pass", "if [ \"$1\" != get ]; then exit 3; fi\nread url\n"
                + "case \"$url\" in\n"
                + "  reg.lan:5000) echo '{\"ServerURL\":\"reg.lan:5000\",\"Username\":\"helped\",\"Secret\":\"s3cret\"}' ;;\n"
                + "  https://index.docker.io/v1/) echo '{\"ServerURL\":\"x\",\"Username\":\"hub\",\"Secret\":\"h\"}' ;;\n"
                + "  *) echo 'credentials not found in native keychain'; exit 1 ;;\n"
                + "esac\n");
        CredentialStore s = store("{\"credHelpers\":{\"reg.lan:5000\":\"pass\"},\"credsStore\":\"pass\","
                + "\"auths\":{\"reg.lan:5000\":{\"auth\":\"" + auth("ignored", "x") + "\"}}}", null);
        RegistryCredentials c = s.find("reg.lan:5000", "app").orElseThrow();
        assertEquals("helped", c.username());
        assertEquals("s3cret", c.secret());
        assertFalse(c.toString().contains("s3cret"), c.toString());
        assertEquals("hub", s.find("docker.io", "library/debian").orElseThrow().username());
        assertEquals(Optional.empty(), s.find("other.lan", "app"));
    }

    @Test
    void aMissingHelperIsOneLineNamingIt() throws Exception {
        CredentialStore s = store("{\"credHelpers\":{\"reg.lan\":\"nosuch\"}}", null);
        PushException e = assertThrows(PushException.class, () -> s.find("reg.lan", "app"));
        assertTrue(e.getMessage().contains("docker-credential-nosuch"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aFailingHelperDoesNotQuoteItsOutput() throws Exception {
        helper("leaky", "echo 'Secret: topsecret'; exit 2\n");
        CredentialStore s = store("{\"credsStore\":\"leaky\"}", null);
        PushException e = assertThrows(PushException.class, () -> s.find("reg.lan", "app"));
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
        assertTrue(e.getMessage().contains("exit status 2"), e.getMessage());
    }

    @Test
    void brokenFilesAreOneLineWithoutTheirContent() throws Exception {
        CredentialStore notJson = store("{\"auths\":{\"reg.lan\":{\"auth\":\"c2VjcmV0OnNlY3JldA==\"}", null);
        PushException e = assertThrows(PushException.class, () -> notJson.find("reg.lan", "app"));
        assertFalse(e.getMessage().contains("c2VjcmV0"), e.getMessage());
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
        CredentialStore notBase64 = store("{\"auths\":{\"reg.lan\":{\"auth\":\"%%%secret%%%\"}}}", null);
        e = assertThrows(PushException.class, () -> notBase64.find("reg.lan", "app"));
        assertFalse(e.getMessage().contains("secret%"), e.getMessage());
        CredentialStore noColon = store("{\"auths\":{\"reg.lan\":{\"auth\":\"" + Base64.getEncoder().encodeToString(
                "justasecret".getBytes(StandardCharsets.UTF_8)) + "\"}}}", null);
        e = assertThrows(PushException.class, () -> noColon.find("reg.lan", "app"));
        assertFalse(e.getMessage().contains("justasecret"), e.getMessage());
    }

    @Test
    void noFilesMeansAnonymous() throws Exception {
        assertEquals(Optional.empty(), store(null, null).find("reg.lan", "app"));
    }

    private void helper(String name, String body) throws IOException {
        Path bin = tmp.resolve("bin");
        Files.createDirectories(bin);
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(List.of(bin), CredentialSources.fromEnvironment(Map.of("PATH", bin.toString()), tmp).helperPath());
    }
}
