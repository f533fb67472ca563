package org.jsupermin.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.MultiArch;
import org.junit.jupiter.api.Test;

/** The resolver's API: errors, requested names, the graph, explanations and DOT output. */
class ResolverTest {

    private static final List<String> CYCLE = List.of(
            "# a cycle, a virtual package and two requirements met by one package",
            "package app 1.0 amd64",
            "  depends: libgcc-s1, awk, libgcc-s1 (>= 12)",
            "package libgcc-s1 12.2 amd64",
            "  depends: app",
            "package mawk 1.3 amd64",
            "  provides: awk",
            "package \"odd\\name 1 amd64");

    private static Resolver resolver(List<String> lines) {
        return new Resolver(GraphFixture.parse("test", lines).packages(), new SegmentVersionScheme(), "amd64");
    }

    @Test
    void missingNamesAreAllReported() {
        UnresolvedDependencyException e = assertThrows(UnresolvedDependencyException.class,
                () -> resolver(CYCLE).resolve(List.of("zz", "app", "foo")));
        assertEquals("package not installed: foo, zz", e.getMessage());
        assertEquals(List.of("foo", "zz"), e.missing());
    }

    @Test
    void requestedNamesAreSortedAndDeduplicated() throws Exception {
        Resolution r = resolver(CYCLE).resolve(List.of("mawk", "app", "mawk"));
        assertEquals(List.of("app", "mawk"), r.requested());
        assertEquals(List.of("app", "mawk"), r.roots().stream().map(RequestedPackage::request).toList());
    }

    @Test
    void emptyRequestGivesEmptyClosure() throws Exception {
        Resolution r = resolver(CYCLE).resolve(List.of());
        assertEquals(List.of(), r.closure());
        assertTrue(r.toDot().startsWith("digraph closure {\n  graph [rankdir=LR, concentrate=true"), r.toDot());
        assertTrue(r.toDot().endsWith("];\n}\n") && !r.toDot().contains("->"), r.toDot());
    }

    @Test
    void duplicateInstalledEntriesCountOnce() throws Exception {
        InstalledPackage p = new InstalledPackage("a", "1", "amd64", MultiArch.NO,
                List.of(List.of(Dependency.on("b"))), List.of(), "");
        InstalledPackage b = new InstalledPackage("b", "1", "amd64", MultiArch.NO, List.of(), List.of(), "");
        Resolution r = new Resolver(List.of(b, p, p, b), new SegmentVersionScheme(), "amd64").resolve(List.of("a"));
        assertEquals(List.of(p, b), r.closure());
    }

    @Test
    void graphHoldsTheClosureAndItsCycle() throws Exception {
        Resolution r = resolver(CYCLE).resolve(List.of("app"));
        Graph<InstalledPackage, DependencyEdge> g = r.graph();
        assertEquals(Set.copyOf(r.closure()), g.vertexSet());
        assertEquals(4, g.edgeSet().size());
        assertTrue(new CycleDetector<>(g).detectCycles());
        assertThrows(UnsupportedOperationException.class, () -> g.removeVertex(r.closure().get(0)));
        DependencyEdge virtual = r.edges().stream().filter(DependencyEdge::virtual).findFirst().orElseThrow();
        assertEquals("awk", virtual.virtualName());
        assertEquals("mawk", virtual.to().name());
    }

    @Test
    void explainUnknownOrExcludedPackageIsEmpty() throws Exception {
        Resolution r = resolver(CYCLE).resolve(List.of("mawk"));
        assertEquals(List.of(), r.explain("app"));
        assertEquals(List.of(), r.explain("nothing"));
        assertEquals(List.of("mawk (requested)"), r.explain("mawk:amd64"));
    }

    @Test
    void explainGivesOneChainPerRequestedPackage() throws Exception {
        Resolution r = resolver(CYCLE).resolve(List.of("app", "libgcc-s1"));
        assertEquals(List.of(
                "app (requested)",
                "app -> awk (virtual) -> mawk (via Depends: awk)",
                "libgcc-s1 (requested)",
                "libgcc-s1 -> app (via Depends: app)",
                "app -> awk (virtual) -> mawk (via Depends: awk)"), r.explain("mawk"));
    }

    @Test
    void dotIsQuotedMergedAndStable() throws Exception {
        Resolution r = resolver(CYCLE).resolve(List.of("app"));
        String expected = """
                digraph closure {
                  graph [rankdir=LR, concentrate=true, nodesep=0.12, ranksep=0.5];
                  node [shape=box, style=rounded, fontname="sans-serif", fontsize=10, height=0.3];
                  edge [arrowsize=0.5, color="#555555"];
                  "app:amd64=1.0" [label="app\\n1.0 amd64", style="rounded,filled,bold", fillcolor="#cfe2ff"];
                  "libgcc-s1:amd64=12.2" [label="libgcc-s1\\n12.2 amd64"];
                  "mawk:amd64=1.3" [label="mawk\\n1.3 amd64"];
                  "app:amd64=1.0" -> "libgcc-s1:amd64=12.2" [tooltip="libgcc-s1 (+1 more)"];
                  "app:amd64=1.0" -> "mawk:amd64=1.3" [tooltip="awk", style=dashed];
                  "libgcc-s1:amd64=12.2" -> "app:amd64=1.0" [tooltip="app"];
                }
                """;
        assertEquals(expected, r.toDot());
        assertEquals(expected, r.toDot(-1));
        assertEquals(expected, r.toDot(1), "every package is one dependency from app");
        String requestedOnly = r.toDot(0);
        assertTrue(requestedOnly.contains("\"app:amd64=1.0\" [label=\"app\\n1.0 amd64\\n+2 deeper\""), requestedOnly);
        assertFalse(requestedOnly.contains("mawk") || requestedOnly.contains("->"), requestedOnly);
        assertEquals(expected, resolver(CYCLE).resolve(List.of("app")).toDot());
        assertEquals("\"\\\"odd\\\\name\"", DotWriter.quote("\"odd\\name"));
    }

    @Test
    void generatedThousandPackageGraphMatchesPlainReachability() throws Exception {
        GeneratedGraph gen = new GeneratedGraph(1000, 42);
        Resolver resolver = new Resolver(gen.packages(), new SegmentVersionScheme(), "amd64");
        long nonTrivial = 0;
        for (int i = 0; i < gen.size(); i++) {
            Resolution r = resolver.resolve(List.of(gen.name(i)));
            List<String> names = r.closure().stream().map(InstalledPackage::name).toList();
            assertEquals(gen.reachableNames(List.of(i)), names, "closure of " + gen.name(i));
            assertEquals(List.of(), r.warnings(), gen.name(i));
            nonTrivial += names.size() > 10 ? 1 : 0;
        }
        assertTrue(nonTrivial > 100, "the generated graph should have deep closures: " + nonTrivial);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < gen.size(); i++) {
            all.add(i);
        }
        Resolution everything = resolver.resolve(all.stream().map(gen::name).collect(Collectors.toList()));
        assertEquals(gen.reachableNames(all), everything.closure().stream().map(InstalledPackage::name).toList());
    }
}
