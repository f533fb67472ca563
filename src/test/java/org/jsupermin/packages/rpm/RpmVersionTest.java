package org.jsupermin.packages.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsupermin.packages.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RpmVersionTest {

    @ParameterizedTest(name = "vercmp({0}, {1}) = {2}")
    @CsvSource({
        "1.0, 1.0, 0", "1.0, 2.0, -1", "2.0, 1.0, 1", "2.0.1, 2.0.1, 0", "2.0, 2.0.1, -1",
        "2.0.1a, 2.0.1, 1", "5.5p1, 5.5p10, -1", "10xyz, 10.1xyz, -1", "xyz10, xyz10.1, -1",
        "1.0a, 1.0b, -1", "a, 1, -1", "1, a, 1", "1.010, 1.9, 1", "001, 1, 0", "1.0, 1_0, 0",
        "1.0~rc1, 1.0, -1", "1.0~rc1, 1.0~rc2, -1", "1.0~rc1~git123, 1.0~rc1, -1",
        "1.0^, 1.0, 1", "1.0^git1, 1.0, 1", "1.0^git1, 1.0^git2, -1", "1.0^git1, 1.01, -1",
        "1.0^20160101, 1.0.1, -1", "1.0~rc1^git1, 1.0~rc1, 1", "1.0^git1~pre, 1.0^git1, -1",
        "1.0~, 1.0, -1", "99999999999999999999, 99999999999999999998, 1", "A, a, -1"
    })
    void vercmp(String a, String b, int expected) {
        assertEquals(expected, RpmVersion.vercmp(a, b));
        assertEquals(-expected, RpmVersion.vercmp(b, a));
    }

    @ParameterizedTest(name = "compare({0}, {1}) = {2}")
    @CsvSource({
        "1:1.0-1, 2.0-1, 1", "0:1.0-1, 1.0-1, 0", ":1.0, 1.0, 0", "1.0-1, 1.0-2, -1",
        "1.0, 1.0-1, -1", "1.0-, 1.0, 1", "2.0-1.fc39, 2.0-1.fc40, -1", "x:1, 1, -1"
    })
    void compare(String a, String b, int expected) {
        assertEquals(expected, Integer.signum(RpmVersion.INSTANCE.compare(a, b)));
    }

    @Test
    void parsesEpochVersionRelease() {
        assertEquals(new RpmVersion.Evr("1", "2.0", "1.el9"), RpmVersion.Evr.parse("1:2.0-1.el9"));
        assertEquals(new RpmVersion.Evr(null, "2.0-rc1", "3"), RpmVersion.Evr.parse("2.0-rc1-3"));
        assertEquals(new RpmVersion.Evr(null, "2.0", null), RpmVersion.Evr.parse("2.0"));
    }

    @Test
    void requirementWithoutReleaseMatchesAnyRelease() {
        RpmVersion v = RpmVersion.INSTANCE;
        assertTrue(v.satisfies("2.0-7", Relation.EQ, "2.0"));
        assertTrue(v.satisfies("2.0-7", Relation.GE, "2.0"));
        assertTrue(v.satisfies("2.0-7", Relation.LE, "2.0"));
        assertFalse(v.satisfies("2.0-7", Relation.GT, "2.0"));
        assertFalse(v.satisfies("2.0-7", Relation.LT, "2.0"));
        assertFalse(v.satisfies("2.0-7", Relation.EQ, "2.0-8"));
        assertTrue(v.satisfies("2.0-7", Relation.LT, "2.0-8"));
        assertTrue(v.satisfies("1:1.0-1", Relation.GT, "2.0"));
        assertFalse(v.satisfies("1.0-1", Relation.GE, "1:0.5"));
        assertTrue(v.satisfies("2.1-1", Relation.GT, "2.0"));
    }
}
