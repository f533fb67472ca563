package org.jsupermin.packages.dpkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.IoErrors;
import org.jsupermin.util.TextLines;

/**
 * dpkg-divert's database ({@code var/lib/dpkg/diversions}): groups of three lines, the original
 * path, the path it is diverted to, and the diverting package ({@code :} for a local diversion).
 *
 * @param byPath original path to its diversion
 */
public record Diversions(Map<String, Diversion> byPath) {

    /** One diversion; {@code divertedBy} is null for a local one. */
    public record Diversion(String from, String to, String divertedBy) {

        /** Whether a file of {@code packageName} at {@link #from} is moved to {@link #to}. */
        public boolean applies(String packageName) {
            return divertedBy == null || !divertedBy.equals(packageName);
        }
    }

    public Diversions {
        byPath = Collections.unmodifiableMap(new TreeMap<>(byPath));
    }

    /** No diversions. */
    public static Diversions none() {
        return new Diversions(Map.of());
    }

    /** Reads {@code file}; a missing file means no diversions. */
    public static Diversions read(Path file) throws PackageDatabaseException {
        if (!Files.exists(file)) {
            return none();
        }
        List<String> lines;
        try {
            // dpkg keeps the diverted names as bytes: any that are not UTF-8 kept as escapes
            lines = TextLines.of(FileNames.decode(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + file + ": " + IoErrors.describe(e), e);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        if (lines.size() % 3 != 0) {
            throw new PackageDatabaseException("reading " + file + ": " + lines.size()
                    + " lines, expected groups of 3 (original, diverted-to, package)");
        }
        Map<String, Diversion> map = new TreeMap<>();
        for (int i = 0; i < lines.size(); i += 3) {
            String by = lines.get(i + 2).strip();
            map.put(lines.get(i), new Diversion(lines.get(i), lines.get(i + 1), by.equals(":") ? null : by));
        }
        return new Diversions(map);
    }

    /** Where a file of {@code packageName} at {@code path} really lives under the root. */
    public String sourcePath(String path, String packageName) {
        Diversion d = byPath.get(path);
        return d != null && d.applies(packageName) ? d.to() : path;
    }
}
