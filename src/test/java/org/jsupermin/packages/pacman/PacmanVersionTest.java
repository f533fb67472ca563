package org.jsupermin.packages.pacman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsupermin.packages.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PacmanVersionTest {

    /** Orderings documented for pacman's vercmp (vercmp(8) and libalpm's behaviour). */
    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource({
        "1.0a, 1.0alpha, -1", "1.0alpha, 1.0b, -1", "1.0b, 1.0beta, -1", "1.0beta, 1.0pre, -1",
        "1.0pre, 1.0rc, -1", "1.0rc, 1.0, -1", "1.0, 1.0.a, -1", "1.0.a, 1.0.1, -1", "1, 1.0, -1",
        "1.0, 1.1, -1", "1.1, 1.1.1, -1", "1.1.1, 1.2, -1", "1.2, 2.0, -1", "2.0, 3.0.0, -1",
        "1.0, 1.0.0, -1", "1.0.alpha, 1.0.0, -1", "1.5.0, 1.5.0, 0", "1.5-1, 1.5, 0", "1.5-1, 1.5-2, -1",
        "1:1.0-1, 2.0-1, 1", "0:1.0, 1.0, 0", "1.1, 1_1, 0", "1.1, 1..1, -1", "1.a, 1..a, -1",
        "1rev, 1.rev, -1", "a10, a.10, -1", "1, 1., -1", "1., 1.., 0", "1., 1.0, -1", "1.0, 1..a, -1",
        "1..a, 1., -1", "r454, 0.1.r456, -1", "1.0.r500, 1.0.1.r30, -1", "01, 1, 0", "9, 10, -1"
    })
    void orders(String a, String b, int expected) {
        assertEquals(expected, Integer.signum(PacmanVersion.INSTANCE.compare(a, b)));
        assertEquals(-expected, Integer.signum(PacmanVersion.INSTANCE.compare(b, a)));
    }

    @Test
    void dependencyWithoutReleaseMatchesEveryRelease() {
        assertTrue(PacmanVersion.INSTANCE.satisfies("2.39-1", Relation.EQ, "2.39"));
        assertTrue(PacmanVersion.INSTANCE.satisfies("2.39-1", Relation.GE, "2.38"));
        assertTrue(!PacmanVersion.INSTANCE.satisfies("2.37-9", Relation.GE, "2.38"));
    }
}
