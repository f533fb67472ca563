package org.jsupermin.packages.pacman;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.IoErrors;
import org.jsupermin.util.TextLines;

/** A file of pacman's local database ({@code desc}, {@code files}): {@code %SECTION%} headers, one value a line. */
final class PacmanDesc {

    private final Map<String, List<String>> sections;

    private PacmanDesc(Map<String, List<String>> sections) {
        this.sections = sections;
    }

    /** Reads {@code file}; a missing file reads as empty when {@code optional}. */
    static PacmanDesc read(Path file, boolean optional) throws PackageDatabaseException {
        List<String> lines;
        try {
            // libalpm reads these files as bytes: any that are not UTF-8 kept as escapes, as file names are
            lines = TextLines.of(FileNames.decode(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            if (optional) {
                return new PacmanDesc(Map.of());
            }
            throw new PackageDatabaseException("reading " + file + ": no such file");
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + file + ": " + IoErrors.describe(e), e);
        }
        return parse(lines, file);
    }

    /** The sections of {@code lines}, the lines of {@code file}. */
    static PacmanDesc parse(List<String> lines, Path file) throws PackageDatabaseException {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.length() > 2 && line.startsWith("%") && line.endsWith("%")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
            } else if (line.isEmpty()) {
                current = null;
            } else if (current == null) {
                throw new PackageDatabaseException("reading " + file + " line " + (n + 1)
                        + ": a value outside any %SECTION%");
            } else {
                current.add(line);
            }
        }
        return new PacmanDesc(sections);
    }

    /** The values of a section; empty when absent. */
    List<String> values(String section) {
        return sections.getOrDefault(section, List.of());
    }

    /** The first value of a section, or null. */
    String value(String section) {
        List<String> v = values(section);
        return v.isEmpty() ? null : v.get(0);
    }
}
