package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jsupermin.push.BlobOutcome;
import org.jsupermin.push.CredentialSources;
import org.jsupermin.push.ImagePusher;
import org.jsupermin.push.ImageReference;
import org.jsupermin.push.PushException;
import org.jsupermin.push.PushRequest;
import org.jsupermin.push.PushResult;
import org.jsupermin.testing.LocalRegistry;
import org.jsupermin.testing.TestLayouts;
import org.jsupermin.testing.TestLayouts.LayerFile;
import org.jsupermin.testing.TestLayouts.Layout;
import org.jsupermin.testing.TokenServer;
import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bearer authentication against the real registry: docker-registry configured for token
 * authentication trusts the certificate of a token server the test runs; the push follows the
 * registry's challenge to it, asks for the scopes it needs and presents the tokens.
 */
class RegistryBearerPushIT {

    private static final String SERVICE = "jsupermin-test-registry";

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static TokenServer tokens;
    private static LocalRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createDirectories(shared.resolve("registry"));
        Path bundle = dir.resolve("bundle.pem");
        tokens = TokenServer.start(dir, bundle, "robot", "s3cret-token-pass");
        registry = LocalRegistry.withTokenAuth(dir, tokens.realm(), SERVICE, TokenServer.ISSUER, bundle);
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    private CredentialSources credentials(String password) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home-" + password.length()));
        Files.createDirectories(home.resolve(".docker"));
        String auth = Base64.getEncoder().encodeToString(("robot:" + password).getBytes(StandardCharsets.UTF_8));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + auth + "\"}}}");
        return CredentialSources.fromEnvironment(Map.of(), home);
    }

    private PushRequest request(Layout layout, String ref, CredentialSources creds) {
        return new PushRequest(layout.dir(), ImageReference.parse(registry.host() + "/" + ref), List.of(), List.of(), creds,
                PushRequest.defaultChunkSize());
    }

    @Test
    void tokensForThePushScopeAndThePullScopeOfTheMountSource() throws Exception {
        Layout layout = TestLayouts.image(tmp.resolve("layout"), null, List.of("/x"),
                List.of(List.of(new LayerFile("x", 0755, "#!/bin/true\n".getBytes(StandardCharsets.UTF_8)))));
        CredentialSources creds = credentials("s3cret-token-pass");
        ImagePusher pusher = new ImagePusher(Reporter.SILENT);
        PushResult first = pusher.push(request(layout, "team/base:1", creds));
        assertEquals(2, first.count(BlobOutcome.UPLOADED));
        assertTrue(tokens.scopesAsked().contains("repository:team/base:pull,push"), tokens.scopesAsked().toString());

        PushResult second = pusher.push(request(layout, "team/app:1", creds));
        assertEquals(2, second.count(BlobOutcome.MOUNTED), second.toString());
        assertTrue(tokens.scopesAsked().contains("repository:team/base:pull"), tokens.scopesAsked().toString());

        PushResult again = new ImagePusher(Reporter.SILENT).push(request(layout, "team/app:1", creds));
        assertFalse(again.manifestPushed());
    }

    @Test
    void aRefusedTokenIsOneLineNamingTheTokenServer() throws Exception {
        Layout layout = TestLayouts.image(tmp.resolve("layout"), null, List.of("/x"),
                List.of(List.of(new LayerFile("y", 0755, "y".getBytes(StandardCharsets.UTF_8)))));
        PushException e = assertThrows(PushException.class,
                () -> new ImagePusher(Reporter.SILENT).push(request(layout, "team/denied:1", credentials("not-the-pass"))));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.contains("token server") && m.contains("UNAUTHORIZED") && m.contains("docker login " + registry.host()), m);
        assertFalse(m.contains("not-the-pass"), m);
    }
}
