package org.jsupermin.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** --push and --insecure-registry as a format gets them. */
class PushOptionsTest {

    @Test
    void targetsInOrderAndInsecureHosts() {
        PushOptions o = PushOptions.from(Map.of("--push", List.of("reg.lan:5000/b:1", "a"), "--insecure-registry", List.of("reg.lan")));
        assertEquals(List.of(ImageReference.parse("reg.lan:5000/b:1"), ImageReference.parse("docker.io/library/a:latest")), o.targets());
        assertEquals(List.of("reg.lan"), o.insecureRegistries());
        assertTrue(o.any());
        assertFalse(PushOptions.from(Map.of()).any());
    }

    @Test
    void badValuesAreOneLineNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PushOptions.from(Map.of("--push", List.of("reg.lan/app@sha256:" + "0".repeat(64)))));
        assertTrue(e.getMessage().startsWith("--push: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PushOptions.from(Map.of("--insecure-registry", List.of("http://reg.lan"))));
        assertTrue(e.getMessage().startsWith("--insecure-registry "), e.getMessage());
    }
}
