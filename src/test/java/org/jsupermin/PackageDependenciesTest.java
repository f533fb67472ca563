package org.jsupermin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The packages depend on each other only as the design allows: no cycles, no layer crossed. */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/jsupermin");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?org\\.jsupermin\\.(\\w+)", Pattern.MULTILINE);

    /** Which top-level packages each one may import (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("launcher", Set.of("cli", "build", "manifest", "packages", "resolve", "tree", "host", "format", "ext2", "tar", "util")),
            Map.entry("cli", Set.of("build", "manifest", "packages", "resolve", "tree", "host", "format", "ext2", "sbom", "util")),
            Map.entry("build", Set.of("manifest", "packages", "resolve", "tree", "host", "format", "ext2", "tar", "sbom", "util")),
            Map.entry("manifest", Set.of("tar", "util")),
            Map.entry("packages", Set.of("util")),
            Map.entry("resolve", Set.of("packages", "util")),
            Map.entry("tree", Set.of("manifest", "resolve", "packages", "host", "tar", "util")),
            Map.entry("host", Set.of("util")),
            Map.entry("format", Set.of("tree", "resolve", "packages", "host", "ext2", "tar", "util")),
            Map.entry("tar", Set.of("util")),
            Map.entry("ext2", Set.of("util")),
            Map.entry("push", Set.of("util")),
            Map.entry("oci", Set.of("format", "tree", "packages", "resolve", "sbom", "tar", "util")),
            Map.entry("sbom", Set.of("packages", "resolve", "util")),
            Map.entry("util", Set.of()));

    @Test
    void everyImportIsAllowed() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files++;
                String pkg = SOURCES.relativize(file).getName(0).toString();
                String text = Files.readString(file);
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String imported = m.group(1);
                    if (!imported.equals(pkg) && !ALLOWED.getOrDefault(pkg, Set.of()).contains(imported)) {
                        violations.add(file + " (" + pkg + ") imports " + imported);
                    }
                }
                // same-package references through fully qualified names count too
                for (String other : ALLOWED.keySet()) {
                    if (!other.equals(pkg) && !ALLOWED.getOrDefault(pkg, Set.of()).contains(other)
                            && text.contains("org.jsupermin." + other + ".")) {
                        violations.add(file + " (" + pkg + ") names org.jsupermin." + other);
                    }
                }
            }
        }
        assertTrue(files > 10, "source files found: " + files);
        assertEquals(List.of(), violations);
    }

    @Test
    void everyTopLevelPackageIsKnown() throws IOException {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                assertTrue(ALLOWED.containsKey(d.getFileName().toString()), "package without rules: " + d);
            }
        }
    }
}
