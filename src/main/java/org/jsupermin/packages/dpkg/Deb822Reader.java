package org.jsupermin.packages.dpkg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsupermin.packages.PackageDatabaseException;

/** Reads deb822 control data (dpkg's status file): paragraphs of {@code Field: value} lines. */
public final class Deb822Reader {

    private Deb822Reader() {
    }

    /** Reads every paragraph of {@code file}; errors name the file and the line. */
    public static List<Deb822Paragraph> read(Path file) throws PackageDatabaseException {
        if (!Files.exists(file)) {
            throw new PackageDatabaseException("reading " + file + ": no such file; is this a Debian root?");
        }
        // InputStreamReader replaces malformed bytes instead of failing (old Descriptions are Latin-1)
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            return read(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new PackageDatabaseException("reading " + file + ": no such file; is this a Debian root?", e);
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + file + ": " + IoErrors.describe(e), e);
        }
    }

    /** Reads every paragraph from {@code reader}; {@code name} names the source in errors. */
    public static List<Deb822Paragraph> read(Reader reader, String name) throws IOException, PackageDatabaseException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Deb822Paragraph> paragraphs = new ArrayList<>();
        Map<String, StringBuilder> fields = new LinkedHashMap<>();
        StringBuilder current = null;
        int start = 0;
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                if (!fields.isEmpty()) {
                    paragraphs.add(toParagraph(fields, start));
                    fields = new LinkedHashMap<>();
                }
                current = null;
                continue;
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (current == null) {
                    throw malformed(name, lineNo);
                }
                current.append('\n').append(line.substring(1));
                continue;
            }
            if (first == '#' && fields.isEmpty()) {
                continue; // comment lines are allowed outside of paragraphs
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).chars().anyMatch(Character::isWhitespace)) {
                throw malformed(name, lineNo);
            }
            if (fields.isEmpty()) {
                start = lineNo;
            }
            current = new StringBuilder(line.substring(colon + 1).strip());
            fields.put(line.substring(0, colon), current);
        }
        if (!fields.isEmpty()) {
            paragraphs.add(toParagraph(fields, start));
        }
        return paragraphs;
    }

    private static Deb822Paragraph toParagraph(Map<String, StringBuilder> fields, int start) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((k, v) -> values.put(k, v.toString()));
        return new Deb822Paragraph(values, start);
    }

    private static PackageDatabaseException malformed(String name, int lineNo) {
        return new PackageDatabaseException("reading " + name + " line " + lineNo + ": expected 'Field: value'");
    }
}
