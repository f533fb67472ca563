package org.jsupermin.packages.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.Provide;
import org.jsupermin.packages.Relation;
import org.junit.jupiter.api.Test;

/** Parsing of Depends/Pre-Depends and Provides fields. */
class DependencyParserTest {

    @Test
    void parsesAlternativesQualifiersAndVersions() {
        List<List<Dependency>> deps = DependencyParser.parseDepends("a (>= 1.0) | b:any, c:amd64 (<< 2)");
        assertEquals(List.of(
                List.of(new Dependency("a", null, Relation.GE, "1.0"), new Dependency("b", "any", null, null)),
                List.of(new Dependency("c", "amd64", Relation.LT, "2"))), deps);
    }

    @Test
    void toleratesOddSpacingAndLineBreaks() {
        List<List<Dependency>> deps = DependencyParser.parseDepends("libc6 (= 2.36-9),\n linux-libc-dev,python3:any(>=3.11~)");
        assertEquals(List.of(
                List.of(new Dependency("libc6", null, Relation.EQ, "2.36-9")),
                List.of(Dependency.on("linux-libc-dev")),
                List.of(new Dependency("python3", "any", Relation.GE, "3.11~"))), deps);
    }

    @Test
    void dropsArchitectureRestrictionsAndBuildProfiles() {
        List<List<Dependency>> deps = DependencyParser.parseDepends(
                "libfoo (>= 2) [amd64 i386] <!nocheck> <cross>, bar [!armel] | baz");
        assertEquals(List.of(
                List.of(new Dependency("libfoo", null, Relation.GE, "2")),
                List.of(Dependency.on("bar"), Dependency.on("baz"))), deps);
    }

    @Test
    void readsObsoleteRelationsAsDpkgDoes() {
        List<List<Dependency>> deps = DependencyParser.parseDepends("a (< 1), b (> 2), c (<= 3), d (>> 4)");
        assertEquals(List.of(Relation.LE, Relation.GE, Relation.LE, Relation.GT),
                deps.stream().map(alts -> alts.get(0).relation()).toList());
    }

    @Test
    void emptyOrMissingFieldGivesNothing() {
        assertTrue(DependencyParser.parseDepends(null).isEmpty());
        assertTrue(DependencyParser.parseDepends("  ").isEmpty());
        assertTrue(DependencyParser.parseProvides(null).isEmpty());
    }

    @Test
    void parsesProvidesWithOptionalVersion() {
        assertEquals(List.of(new Provide("libc-dev", "2.36-9"), new Provide("awk", null)),
                DependencyParser.parseProvides("libc-dev (= 2.36-9), awk"));
    }

    @Test
    void rejectsGarbageNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DependencyParser.parseDepends("good, bad (>= )"));
        assertTrue(e.getMessage().contains("bad (>= )"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DependencyParser.parseProvides("x (>= 1)"));
    }

    @Test
    void rejectsAnEmptyAlternative() {
        for (String field : List.of("|", "a |", "| b", "a || b", "x, a | , y")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DependencyParser.parseDepends(field), field);
            assertTrue(e.getMessage().contains("an alternative is empty"), e.getMessage());
        }
    }
}
