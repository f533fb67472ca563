package org.jsupermin.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** WWW-Authenticate challenges as registries send them. */
class AuthChallengeTest {

    @Test
    void bearerWithAScopeHoldingACommaAndAColon() {
        AuthChallenge c = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:samalba/my-app:pull,push\"");
        assertEquals("bearer", c.scheme());
        assertEquals(Map.of("realm", "https://auth.docker.io/token", "service", "registry.docker.io",
                "scope", "repository:samalba/my-app:pull,push"), c.params());
    }

    @Test
    void basicAsDistributionSendsIt() {
        AuthChallenge c = AuthChallenge.parse("Basic realm=\"basic-realm\"");
        assertEquals("basic", c.scheme());
        assertEquals("basic-realm", c.param("realm"));
    }

    @Test
    void unquotedValuesSpacesEscapesAndAnErrorParameter() {
        AuthChallenge c = AuthChallenge.parse("BEARER  Realm = http://127.0.0.1:9/t , service=reg, error=\"insufficient_scope\","
                + " x=\"a\\\"b\"");
        assertEquals("bearer", c.scheme());
        assertEquals("http://127.0.0.1:9/t", c.param("realm"));
        assertEquals("reg", c.param("service"));
        assertEquals("insufficient_scope", c.param("error"));
        assertEquals("a\"b", c.param("x"));
    }

    @Test
    void aSecondChallengeEndsTheFirst() {
        AuthChallenge c = AuthChallenge.parse("Basic realm=\"r\", Bearer realm=\"x\"");
        assertEquals("basic", c.scheme());
        assertEquals(Map.of("realm", "r"), c.params());
    }

    @Test
    void noSchemeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AuthChallenge.parse("  =x"));
    }
}
