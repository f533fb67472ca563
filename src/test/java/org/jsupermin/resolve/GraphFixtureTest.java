package org.jsupermin.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jsupermin.packages.InstalledPackage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every graph fixture under test-fixtures/graphs, in file order and with shuffled input. */
class GraphFixtureTest {

    static final Path FIXTURES = Path.of("test-fixtures", "graphs");

    static List<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> fixturesResolveAsExpected() throws IOException {
        List<Path> files = fixtures();
        assertFalse(files.isEmpty(), "no fixtures under " + FIXTURES.toAbsolutePath());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    @TestFactory
    Stream<DynamicTest> fixturesAreDeterministicUnderShuffledInput() throws IOException {
        return fixtures().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            GraphFixture fx = GraphFixture.read(f);
            if (fx.expectError() != null) {
                return;
            }
            Resolution reference = resolve(fx, fx.packages(), fx.request());
            for (int seed = 1; seed <= 5; seed++) {
                List<InstalledPackage> packages = new ArrayList<>(fx.packages());
                List<String> request = new ArrayList<>(fx.request());
                Collections.shuffle(packages, new Random(seed));
                Collections.shuffle(request, new Random(seed));
                Resolution shuffled = resolve(fx, packages, request);
                assertEquals(reference.closure(), shuffled.closure(), "closure, seed " + seed);
                assertEquals(reference.warnings(), shuffled.warnings(), "warnings, seed " + seed);
                assertEquals(reference.edges(), shuffled.edges(), "edges, seed " + seed);
                assertEquals(reference.toDot(), shuffled.toDot(), "DOT, seed " + seed);
                for (InstalledPackage p : reference.closure()) {
                    assertEquals(reference.explain(p.id()), shuffled.explain(p.id()), "explain " + p.id());
                }
            }
        }));
    }

    private static void check(Path file) throws Exception {
        GraphFixture fx = GraphFixture.read(file);
        if (fx.expectError() != null) {
            UnresolvedDependencyException e = assertThrows(UnresolvedDependencyException.class,
                    () -> resolve(fx, fx.packages(), fx.request()));
            assertEquals(fx.expectError(), e.getMessage());
            return;
        }
        assertNotNull(fx.expectClosure(), file + ": needs expect-closure or expect-error");
        Resolution r = resolve(fx, fx.packages(), fx.request());
        List<String> closure = new ArrayList<>();
        for (int i = 0; i < r.closure().size(); i++) {
            InstalledPackage p = r.closure().get(i);
            String name = GraphFixture.render(p, fx.nativeArch());
            boolean withVersion = i < fx.expectClosure().size() && fx.expectClosure().get(i).contains("=");
            closure.add(withVersion ? name + "=" + p.version() : name);
        }
        assertEquals(fx.expectClosure(), closure, fx.description());
        assertEquals(fx.expectWarnings(), r.warnings(), fx.description());
        fx.expectExplain().forEach((name, lines) -> assertEquals(lines, r.explain(name), "explain " + name));
    }

    private static Resolution resolve(GraphFixture fx, List<InstalledPackage> packages, List<String> request)
            throws UnresolvedDependencyException {
        return new Resolver(packages, new SegmentVersionScheme(), fx.nativeArch()).resolve(request);
    }
}
