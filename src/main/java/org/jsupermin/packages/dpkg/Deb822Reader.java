package org.jsupermin.packages.dpkg;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsupermin.packages.PackageDatabaseException;

/**
 * Reads deb822 control data (dpkg's status file): paragraphs of {@code Field: value} lines.
 * One pass over the text; fields the caller does not keep (long Descriptions) are checked for
 * well-formedness but never copied.
 */
public final class Deb822Reader {

    private Deb822Reader() {
    }

    /** Reads every paragraph of {@code file}; errors name the file and the line. */
    public static List<Deb822Paragraph> read(Path file) throws PackageDatabaseException {
        return read(file, null);
    }

    /**
     * Reads every paragraph of {@code file}, keeping only the fields named in {@code keep}
     * (case-insensitively; all fields when null). Errors name the file and the line.
     */
    public static List<Deb822Paragraph> read(Path file, Set<String> keep) throws PackageDatabaseException {
        if (!Files.exists(file)) {
            throw new PackageDatabaseException("reading " + file + ": no such file; is this a Debian root?");
        }
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PackageDatabaseException("reading " + file + ": no such file; is this a Debian root?", e);
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + file + ": " + IoErrors.describe(e), e);
        }
        return parse(data, file.toString(), keep);
    }

    /** Reads every paragraph from {@code reader}; {@code name} names the source in errors. */
    public static List<Deb822Paragraph> read(Reader reader, String name) throws IOException, PackageDatabaseException {
        StringBuilder b = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = reader.read(buf)) > 0) {
            b.append(buf, 0, n);
        }
        return parse(b.toString().getBytes(StandardCharsets.UTF_8), name, null);
    }

    /**
     * Splits UTF-8 {@code data} into paragraphs. Lines end at "\n", "\r" or "\r\n" (as
     * {@link java.io.BufferedReader#readLine}); a continuation line (leading space or tab) adds
     * a newline and the line without its first character to the field before it. The bytes are
     * scanned as Latin-1 (every structural character is ASCII, and UTF-8 sequences hold no ASCII
     * byte); only the names and values kept are decoded, malformed bytes replaced (old
     * Descriptions are Latin-1).
     */
    private static List<Deb822Paragraph> parse(byte[] data, String name, Set<String> keep)
            throws PackageDatabaseException {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        Set<String> kept = null;
        if (keep != null) {
            kept = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            kept.addAll(keep);
        }
        List<Deb822Paragraph> paragraphs = new ArrayList<>();
        Map<String, StringBuilder> fields = new LinkedHashMap<>();
        boolean inParagraph = false;
        boolean inField = false;
        StringBuilder current = null;
        int start = 0;
        int lineNo = 0;
        int length = text.length();
        int pos = 0;
        int nextCr = text.indexOf('\r');
        if (nextCr < 0) {
            nextCr = length;
        }
        while (pos < length) {
            if (nextCr < pos) {
                nextCr = text.indexOf('\r', pos);
                if (nextCr < 0) {
                    nextCr = length;
                }
            }
            int end = text.indexOf('\n', pos);
            if (end < 0 || end > nextCr) {
                end = nextCr;
            }
            int next = end + 1;
            if (end == nextCr && next < length && text.charAt(next) == '\n') {
                next++;
            }
            int line = pos;
            pos = next;
            lineNo++;
            if (isBlank(data, text, line, end)) {
                if (inParagraph) {
                    paragraphs.add(toParagraph(fields, start));
                    fields = new LinkedHashMap<>();
                    inParagraph = false;
                }
                inField = false;
                current = null;
                continue;
            }
            char first = text.charAt(line);
            if (first == ' ' || first == '\t') {
                if (!inField) {
                    throw malformed(name, lineNo);
                }
                if (current != null) {
                    current.append('\n').append(decode(data, line + 1, end));
                }
                continue;
            }
            if (first == '#' && !inParagraph) {
                continue; // comment lines are allowed outside of paragraphs
            }
            int colon = text.indexOf(':', line);
            if (colon <= line || colon >= end || hasWhitespace(data, text, line, colon)) {
                throw malformed(name, lineNo);
            }
            if (!inParagraph) {
                start = lineNo;
                inParagraph = true;
            }
            inField = true;
            String field = decode(data, line, colon);
            if (kept == null || kept.contains(field)) {
                current = new StringBuilder(decode(data, colon + 1, end).strip());
                fields.put(field, current);
            } else {
                current = null;
            }
        }
        if (inParagraph) {
            paragraphs.add(toParagraph(fields, start));
        }
        return paragraphs;
    }

    private static String decode(byte[] data, int from, int to) {
        return new String(data, from, to - from, StandardCharsets.UTF_8);
    }

    /** Whether the line holds only whitespace; a non-ASCII line is decoded to decide. */
    private static boolean isBlank(byte[] data, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return decode(data, from, to).isBlank();
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a field name holds whitespace; a non-ASCII name is decoded to decide. */
    private static boolean hasWhitespace(byte[] data, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return decode(data, from, to).chars().anyMatch(Character::isWhitespace);
            }
            if (Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
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
