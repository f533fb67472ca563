package org.jsupermin.packages.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.Provide;
import org.jsupermin.testing.VersionOrderProperties;

/**
 * Fuzzes dpkg's relationship fields and version ordering (seeds: real Depends, Pre-Depends and
 * Provides values and versions from a Debian status file, under {@code DependencyFuzzTestInputs}).
 * A field parses, or fails with the parser's documented IllegalArgumentException; what parses
 * prints back (as {@link Dependency#toString}) to text that parses to the same dependencies.
 */
class DependencyFuzzTest {

    @FuzzTest
    void dependsRoundTrip(byte[] data) {
        String field = new String(data, java.nio.charset.StandardCharsets.UTF_8);
        List<List<Dependency>> parsed;
        try {
            parsed = DependencyParser.parseDepends(field);
        } catch (IllegalArgumentException e) {
            assertNotNull(e.getMessage());
            assertTrue(e.getMessage().startsWith("cannot parse dependency '"), e.getMessage());
            return;
        }
        List<String> requirements = new ArrayList<>();
        for (List<Dependency> alternatives : parsed) {
            assertFalse(alternatives.isEmpty());
            List<String> texts = new ArrayList<>();
            for (Dependency d : alternatives) {
                assertFalse(d.name().isEmpty());
                assertEquals(d.relation() == null, d.version() == null, d.toString());
                texts.add(d.toString());
            }
            requirements.add(String.join(" | ", texts));
        }
        String printed = String.join(", ", requirements);
        assertEquals(parsed, DependencyParser.parseDepends(printed), printed);
    }

    @FuzzTest
    void providesRoundTrip(byte[] data) {
        String field = new String(data, java.nio.charset.StandardCharsets.UTF_8);
        List<Provide> parsed;
        try {
            parsed = DependencyParser.parseProvides(field);
        } catch (IllegalArgumentException e) {
            assertNotNull(e.getMessage());
            return;
        }
        List<String> texts = new ArrayList<>();
        for (Provide p : parsed) {
            texts.add(p.version() == null ? p.name() : p.name() + " (= " + p.version() + ")");
        }
        String printed = String.join(", ", texts);
        assertEquals(parsed, DependencyParser.parseProvides(printed), printed);
    }

    /**
     * Three version strings, one a line: a total order (reflexive, antisymmetric, transitive); valid versions
     * never fail to compare, invalid ones only with the documented IllegalArgumentException.
     */
    @FuzzTest
    void versionsCompareConsistently(byte[] data) {
        String[] v3 = VersionOrderProperties.threeLines(data);
        String a = v3[0];
        String b = v3[1];
        String c = v3[2];
        DebianVersion v = DebianVersion.INSTANCE;
        try {
            VersionOrderProperties.checkPair(v, a, b);
            VersionOrderProperties.checkPair(v, b, c);
            VersionOrderProperties.checkTriple(v, a, b, c);
            VersionOrderProperties.checkTriple(v, c, a, b);
        } catch (IllegalArgumentException e) {
            assertFalse(DebianVersion.isValid(a) && DebianVersion.isValid(b) && DebianVersion.isValid(c),
                    "valid versions failed to compare: " + e.getMessage());
            assertTrue(e.getMessage().startsWith("epoch of version '"), e.getMessage());
        }
    }
}
