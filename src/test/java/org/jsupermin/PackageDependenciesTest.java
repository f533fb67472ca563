package org.jsupermin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages depend on each other only as the design allows (DESIGN.md, "The pipeline"): every
 * package, each sub-package counting as a package of its own, imports only what its row of
 * {@link #RULES} names, and no package reaches itself again through its imports.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/jsupermin");

    /**
     * Who may import whom: a package, a colon, the packages it may use. The rows go down the
     * layers: a row names only packages of the rows below it, so the rules themselves allow no
     * cycle, between a package and its sub-package either. {@code format.kernel} does not use its
     * parent; the package backends use only their parent's contract, which never names them (the
     * list of them is {@code packages.drivers}). A row may name a package that does not exist
     * yet. A new package gets a row here, placed above everything it uses.
     */
    private static final String RULES = """
            launcher         : cli build format format.kernel tree host manifest packages packages.drivers resolve ext2 tar util
            cli              : build sbom format format.kernel tree host manifest packages packages.drivers resolve ext2 util
            build            : oci sbom push format format.kernel tree host manifest packages packages.drivers resolve ext2 tar util
            oci              : sbom push format tree host resolve packages tar util
            sbom             : resolve packages host util
            push             : util
            format           : format.kernel tree host resolve packages ext2 tar util
            format.kernel    : util
            tree             : manifest resolve packages host tar util
            resolve          : packages util
            manifest         : tar util
            packages.drivers : packages.apk packages.dpkg packages.pacman packages.rpm packages util
            packages.apk     : packages util
            packages.dpkg    : packages util
            packages.pacman  : packages util
            packages.rpm     : packages util
            packages         : util
            host             : util
            tar              : util
            ext2             : util
            util             :
            """;

    /** A reference to a class of the project, in an import or in code: its package, up to the first capitalised name. */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\borg\\.jsupermin\\.((?:[a-z_][a-z0-9_]*\\.)*[a-z_][a-z0-9_]*)\\.(?:[A-Z]|\\*)");

    @Test
    void everyReferenceIsAllowed() throws IOException {
        Map<String, Set<String>> rules = rules();
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> uses : uses().entrySet()) {
            Set<String> allowed = rules.getOrDefault(uses.getKey(), Set.of());
            for (String used : uses.getValue()) {
                if (!allowed.contains(used)) {
                    violations.add(uses.getKey() + " -> " + used);
                }
            }
        }
        assertEquals(List.of(), violations, "imports that the rules do not allow (fix the code, or the rules"
                + " and DESIGN.md's table together)");
    }

    @Test
    void noPackageReachesItselfAgain() throws IOException {
        Map<String, Set<String>> uses = uses();
        for (String start : uses.keySet()) {
            List<String> cycle = pathBack(start, start, uses, new ArrayList<>(List.of(start)), new TreeSet<>());
            assertEquals(List.of(), cycle, "a cycle of packages");
        }
    }

    @Test
    void everyPackageHasARow() throws IOException {
        Set<String> rows = rules().keySet();
        for (String pkg : packages()) {
            assertTrue(rows.contains(pkg), "package without a row in RULES: " + pkg);
        }
    }

    @Test
    void rowsNameOnlyPackagesBelowThem() {
        List<String> order = new ArrayList<>(rules().keySet());
        for (Map.Entry<String, Set<String>> row : rules().entrySet()) {
            for (String used : row.getValue()) {
                int at = order.indexOf(used);
                assertTrue(at > order.indexOf(row.getKey()), row.getKey() + " names " + used
                        + (at < 0 ? ", which has no row" : ", whose row is above it"));
            }
        }
    }

    /** The rows of {@link #RULES}, in their order. */
    private static Map<String, Set<String>> rules() {
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        for (String line : RULES.strip().split("\n")) {
            String[] sides = line.split(":", -1);
            Set<String> allowed = new TreeSet<>();
            for (String name : sides[1].trim().split("\\s+")) {
                if (!name.isEmpty()) {
                    allowed.add(name);
                }
            }
            rules.put(sides[0].trim(), allowed);
        }
        return rules;
    }

    /** Every package of the main sources with the other packages its classes refer to, sorted. */
    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files++;
                String pkg = packageOf(file.getParent());
                Set<String> used = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(files > 10, "source files found: " + files);
        return uses;
    }

    /** Every directory of the main sources that holds a class. */
    private static Set<String> packages() throws IOException {
        return uses().keySet();
    }

    private static String packageOf(Path dir) {
        return SOURCES.relativize(dir).toString().replace('/', '.');
    }

    /** A path of uses from {@code from} back to {@code target} (the packages in order), or an empty list. */
    private static List<String> pathBack(String from, String target, Map<String, Set<String>> uses, List<String> path,
                                         Set<String> seen) {
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(target);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = pathBack(next, target, uses, path, seen);
                if (!found.isEmpty()) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return List.of();
    }
}
