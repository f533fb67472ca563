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
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.IoErrors;

/**
 * Reads deb822 control data (dpkg's status file): paragraphs of {@code Field: value} lines.
 * One pass over the text; fields the caller does not keep (long Descriptions) are checked for
 * well-formedness but never copied.
 */
public final class Deb822Reader {

    private Deb822Reader() {
    }

    /**
     * One paragraph's values of the fields asked for, by position in the request (null when
     * absent), the 1-based line of its first field, and where its bytes are: from its first field
     * to the end of its last line, that line's end included (or the end of the data).
     */
    record Fields(String[] values, int line, int from, int to) {
        /** The value of requested field number {@code i}, or null. */
        String get(int i) {
            return values[i];
        }
    }

    /** Reads every paragraph of {@code file}; errors name the file and the line. */
    public static List<Deb822Paragraph> read(Path file) throws PackageDatabaseException {
        List<Deb822Paragraph> out = new ArrayList<>();
        parse(readBytes(file), file.toString(), null, out, null);
        return out;
    }

    /**
     * Reads every paragraph of {@code file}, keeping only the fields named in {@code keep}
     * (matched case-insensitively; the others are checked but never decoded). Errors name the
     * file and the line.
     */
    static List<Fields> readFields(Path file, List<String> keep) throws PackageDatabaseException {
        return readFields(readBytes(file), file.toString(), keep);
    }

    /**
     * {@link #readFields(Path, List)} of {@code data}: text whose lines all end at "\n" (a
     * status file as dpkg writes it) goes through {@link Deb822Scanner}, other text through the
     * general parser; both give the same fields and errors.
     */
    static List<Fields> readFields(byte[] data, String name, List<String> keep) throws PackageDatabaseException {
        List<Fields> out = new ArrayList<>();
        String[] names = keep.toArray(new String[0]);
        String text = new String(data, StandardCharsets.ISO_8859_1);
        if (text.indexOf('\r') < 0) {
            Deb822Scanner.scan(data, text, name, names, out);
        } else {
            parse(data, name, names, null, out);
        }
        return out;
    }

    /** {@link #readFields(byte[], String, List)} through the general parser alone, to compare with. */
    static List<Fields> readFieldsGenerally(byte[] data, String name, List<String> keep) throws PackageDatabaseException {
        List<Fields> out = new ArrayList<>();
        parse(data, name, keep.toArray(new String[0]), null, out);
        return out;
    }

    static byte[] readBytes(Path file) throws PackageDatabaseException {
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
        return data;
    }

    /** Reads every paragraph from {@code reader}; {@code name} names the source in errors. */
    public static List<Deb822Paragraph> read(Reader reader, String name) throws IOException, PackageDatabaseException {
        StringBuilder b = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = reader.read(buf)) > 0) {
            b.append(buf, 0, n);
        }
        List<Deb822Paragraph> out = new ArrayList<>();
        parse(b.toString().getBytes(StandardCharsets.UTF_8), name, null, out, null);
        return out;
    }

    /**
     * Splits UTF-8 {@code data} into paragraphs. Lines end at "\n", "\r" or "\r\n" (as
     * {@link java.io.BufferedReader#readLine}); a continuation line (leading space or tab) adds
     * a newline and the line without its first character to the field before it. The bytes are
     * scanned as Latin-1 (every structural character is ASCII, and UTF-8 sequences hold no ASCII
     * byte); only the names and values kept are decoded, malformed bytes replaced (old
     * Descriptions are Latin-1).
     */
    private static void parse(byte[] data, String name, String[] keep, List<Deb822Paragraph> paragraphs,
                              List<Fields> kept) throws PackageDatabaseException {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        Map<String, StringBuilder> fields = new LinkedHashMap<>();
        StringBuilder[] slots = keep == null ? null : new StringBuilder[keep.length];
        boolean inParagraph = false;
        boolean inField = false;
        StringBuilder current = null;
        int start = 0;
        int startByte = 0;
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
            if (end == length) {
                checkTerminated(data, text, name, pos, end, lineNo + 1);
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
                    if (keep == null) {
                        paragraphs.add(toParagraph(fields, start));
                        fields = new LinkedHashMap<>();
                    } else {
                        kept.add(toFields(slots, start, startByte, line));
                    }
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
                startByte = line;
                inParagraph = true;
            }
            inField = true;
            if (keep == null) {
                current = new StringBuilder(decode(data, colon + 1, end).strip());
                fields.put(decode(data, line, colon), current);
            } else {
                int slot = slotOf(keep, data, text, line, colon);
                current = slot < 0 ? null : new StringBuilder(decode(data, colon + 1, end).strip());
                if (slot >= 0) {
                    slots[slot] = current;
                }
            }
        }
        if (inParagraph) {
            if (keep == null) {
                paragraphs.add(toParagraph(fields, start));
            } else {
                kept.add(toFields(slots, start, startByte, length));
            }
        }
    }

    /**
     * Which of {@code keep} the field name at {@code [from, to)} is, ignoring case; -1 for none.
     * An ASCII name is compared in place; another is decoded first.
     */
    static int slotOf(String[] keep, byte[] data, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) >= 0x80) {
                String field = decode(data, from, to);
                for (int k = 0; k < keep.length; k++) {
                    if (String.CASE_INSENSITIVE_ORDER.compare(field, keep[k]) == 0) {
                        return k;
                    }
                }
                return -1;
            }
        }
        for (int k = 0; k < keep.length; k++) {
            if (keep[k].length() == to - from && text.regionMatches(true, from, keep[k], 0, to - from)) {
                return k;
            }
        }
        return -1;
    }

    /** The paragraph's kept values; the slots are cleared for the next paragraph. */
    private static Fields toFields(StringBuilder[] slots, int start, int from, int to) {
        String[] values = new String[slots.length];
        for (int i = 0; i < slots.length; i++) {
            values[i] = slots[i] == null ? null : slots[i].toString();
            slots[i] = null;
        }
        return new Fields(values, start, from, to);
    }

    private static String decode(byte[] data, int from, int to) {
        return new String(data, from, to - from, StandardCharsets.UTF_8);
    }

    /** Whether the line holds only whitespace; a non-ASCII line is decoded to decide. */
    static boolean isBlank(byte[] data, String text, int from, int to) {
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
    static boolean hasWhitespace(byte[] data, String text, int from, int to) {
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

    /**
     * Refuses a last line {@code [line, end)} with no line end that is not blank, as dpkg does:
     * such a file was cut short (a full disk, a crash while writing it), and a field's value may
     * be missing part of its text.
     */
    static void checkTerminated(byte[] data, String text, String name, int line, int end, int lineNo)
            throws PackageDatabaseException {
        if (line >= end || isBlank(data, text, line, end)) {
            return;
        }
        // the field the text belongs to: this line's, or the last field line's before it
        int fieldLine = line;
        while ((text.charAt(fieldLine) == ' ' || text.charAt(fieldLine) == '\t') && fieldLine > 0) {
            int previous = text.lastIndexOf('\n', fieldLine - 2);
            fieldLine = previous < 0 ? 0 : previous + 1;
        }
        int fieldEnd = fieldLine == line ? end : text.indexOf('\n', fieldLine);
        int colon = text.indexOf(':', fieldLine);
        String where;
        if (text.charAt(fieldLine) == ' ' || text.charAt(fieldLine) == '\t') {
            where = "in a continuation line";
        } else if (colon < 0 || colon >= fieldEnd) {
            where = "in the middle of a field name";
        } else {
            where = "inside the value of field '" + FileNames.printable(decode(data, fieldLine, colon), 80) + "'";
        }
        throw new PackageDatabaseException("reading " + name + " line " + lineNo + ": the file ends " + where
                + " without a final newline, so it was cut short (dpkg refuses it too); restore it, for a status"
                + " file from status-old beside it or from a backup");
    }

    static PackageDatabaseException malformed(String name, int lineNo) {
        return new PackageDatabaseException("reading " + name + " line " + lineNo + ": expected 'Field: value'");
    }
}
