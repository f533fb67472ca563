package org.jsupermin.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The resolver uses only the package contracts (no backend), util, JGraphT and the JDK. */
class ResolveBoundaryTest {

    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern ALLOWED = Pattern.compile(
            "java\\..*|org\\.jgrapht\\..*|org\\.jsupermin\\.resolve\\..*|org\\.jsupermin\\.util\\..*"
                    + "|org\\.jsupermin\\.packages\\.[A-Z]\\w*(\\.\\w+)?");

    @Test
    void importsStayInsideTheAllowedPackages() throws IOException {
        List<String> offending = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/jsupermin/resolve"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        assertFalse(sources.isEmpty());
        for (Path f : sources) {
            Matcher m = IMPORT.matcher(Files.readString(f));
            while (m.find()) {
                if (!ALLOWED.matcher(m.group(2)).matches()) {
                    offending.add(f.getFileName() + ": " + m.group(2));
                }
            }
        }
        assertEquals(List.of(), offending);
    }
}
