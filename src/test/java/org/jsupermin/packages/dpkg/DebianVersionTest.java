package org.jsupermin.packages.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsupermin.packages.Relation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Known tricky pairs of dpkg's version ordering. */
class DebianVersionTest {

    private final DebianVersion scheme = DebianVersion.INSTANCE;

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource(delimiter = ' ', value = {
        "1.0~rc1 1.0",
        "1.0~~ 1.0~",
        "1.0~ 1.0",
        "1.0 1.0a",
        "1.0a 1.0+",
        "1.0 1.0.1",
        "1.0+ 1.0.1",
        "1.0.1 1.0.a",
        "1.9 1.10",
        "1.09 1.10",
        "1:0.1 2:0.0",
        "9.9 1:0.1",
        "1.0-1 1.0-2",
        "1.0-2 1.0-10",
        "1.0-1 1.0.1-1",
        "1.0-1~bpo1 1.0-1",
        "2.36-9 2.36-9+deb12u14",
        "5.2.15-2+b8 5.2.15-2+b13",
        "1.0.1 1.0.a",
        "1:1.2-1 1:1.2-1.1",
        "a b",
        "Z a",
        "0.0 0.0+0",
        "1~~a 1~",
    })
    void ordersOlderBeforeNewer(String older, String newer) {
        assertTrue(scheme.compare(older, newer) < 0, older + " < " + newer);
        assertTrue(scheme.compare(newer, older) > 0, newer + " > " + older);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ' ', value = {
        "1.0 1.0",
        "0:1.0 1.0",
        "1.0 1.0-0",
        "1.00 1.0",
        "01.0 1.0",
        "00:1.0-0 1.0",
        "1.0-01 1.0-1",
    })
    void treatsEquivalentSpellingsAsEqual(String a, String b) {
        assertEquals(0, scheme.compare(a, b));
        assertEquals(0, scheme.compare(b, a));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1:2.3-4", "0:0", "2.36-9+deb12u14", "1.0~rc1+dfsg-1~bpo11+1",
        "1.2-3-4", "1:2:3", "5.2.15-2+b8", "0-0"})
    void acceptsValidVersions(String v) {
        assertTrue(DebianVersion.isValid(v), v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a1.0", ":1.0", "a:1.0", "1:", "1.0-", "1.0_1", "1 0", "1.0-1:2",
        "1.0-a-", "99999999999:1"})
    void rejectsInvalidVersions(String v) {
        assertFalse(DebianVersion.isValid(v), v);
    }

    @org.junit.jupiter.api.Test
    void satisfiesUsesTheOrdering() {
        assertTrue(scheme.satisfies("3.40.1-2", Relation.EQ, "3.40.1-2"));
        assertTrue(scheme.satisfies("1.0~rc1", Relation.LT, "1.0"));
        assertFalse(scheme.satisfies("1.0~rc1", Relation.GE, "1.0"));
    }
}
