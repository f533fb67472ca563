package org.jsupermin.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** References are read as docker reads them. */
class ImageReferenceTest {

    @ParameterizedTest
    @CsvSource({
        "debian,                              docker.io,        library/debian,  latest, registry-1.docker.io",
        "debian:12,                           docker.io,        library/debian,  12,     registry-1.docker.io",
        "team/app:1.0,                        docker.io,        team/app,        1.0,    registry-1.docker.io",
        "docker.io/debian:12,                 docker.io,        library/debian,  12,     registry-1.docker.io",
        "index.docker.io/team/app,            docker.io,        team/app,        latest, registry-1.docker.io",
        "localhost/app:1,                     localhost,        app,             1,      localhost",
        "localhost:5000/a/b/c:v_1,            localhost:5000,   a/b/c,           v_1,    localhost:5000",
        "127.0.0.1:5000/base:1,               127.0.0.1:5000,   base,            1,      127.0.0.1:5000",
        "[::1]:5000/base:1,                   [::1]:5000,       base,            1,      [::1]:5000",
        "registry.example.com/my-team/my__app.x:2026-11, registry.example.com, my-team/my__app.x, 2026-11, registry.example.com",
    })
    void readsLikeDocker(String text, String registry, String repository, String tag, String apiHost) {
        ImageReference r = ImageReference.parse(text);
        assertEquals(registry, r.registry());
        assertEquals(repository, r.repository());
        assertEquals(tag, r.tag());
        assertEquals(apiHost, r.apiHost());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Team/app", "app:", "app:.x", "app:-x", "/app", "app/", "a//b", "host:5000/", "app__-x",
        "exa_mple.com:5000/app", "app:" + "t123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"})
    void refusesWhatDockerRefuses(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(text));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"app@sha256:0000000000000000000000000000000000000000000000000000000000000000",
        "127.0.0.1:5000/app:1@sha256:0000000000000000000000000000000000000000000000000000000000000000"})
    void aDigestReferenceIsRefusedForPushInOneLine(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(text));
        assertTrue(e.getMessage().contains("needs a tag"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1:5000, true", "127.1.2.3, true", "localhost:5000, true", "[::1]:5000, true", "LOCALHOST, true",
        "128.0.0.1:5000, false", "127.0.0.1.example.com, false", "registry.example.com, false", "10.0.0.1:5000, false",
        "127.0.0.256, false",
    })
    void plainHttpOnlyForLoopback(String registry, boolean loopback) {
        assertEquals(loopback, RegistryHosts.isLoopback(registry));
        assertEquals(loopback, RegistryHosts.plainHttp(registry, java.util.List.of()));
    }

    @ParameterizedTest
    @CsvSource({
        "reg.lan:5000, reg.lan, true", "reg.lan:5000, reg.lan:5000, true", "reg.lan:5000, reg.lan:5001, false",
        "reg.lan, reg.lan, true", "reg.lan, other.lan, false", "reg.lan:443, REG.LAN, true",
    })
    void insecureRegistryNamesAHostOrAHostAndPort(String registry, String insecure, boolean plain) {
        assertEquals(plain, RegistryHosts.plainHttp(registry, java.util.List.of(insecure)));
    }
}
