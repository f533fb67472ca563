package org.jsupermin.packages.dpkg;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsupermin.packages.PackageDatabaseException;

/**
 * The fast path of {@link Deb822Reader#readFields}: deb822 text whose lines all end at "\n",
 * scanned with as little work per line as its kind allows. A status file is mostly description
 * text, read once in a fresh JVM, where every call and check in the per-line loop runs in the
 * interpreter: a continuation line costs one search for its end and a look at two bytes; a field
 * line a check of its name and, for the few names kept, the decoding of its value. Anything
 * unusual (a line starting with other whitespace, a non-ASCII byte where whitespace is looked
 * for) goes through the same checks as {@link Deb822Reader}'s general parser, so the results
 * and errors are the same.
 */
final class Deb822Scanner {

    private final byte[] data;
    /** {@code data} as Latin-1, for the JDK's fast searches. */
    private final String text;
    private final String name;
    private final String[] keep;
    /** Length and lower-case first letter of each kept name, to rule most names out at once. */
    private final int[] keepLength;
    private final char[] keepFirst;
    private final List<Deb822Reader.Fields> out;
    private final StringBuilder[] slots;

    private boolean inParagraph;
    private boolean inField;
    private StringBuilder current;
    private int start;
    private int lineNo;
    /** The byte offsets of the current line and of the current paragraph's first line. */
    private int lineAt;
    private int startByte;

    private Deb822Scanner(byte[] data, String text, String name, String[] keep, List<Deb822Reader.Fields> out) {
        this.data = data;
        this.text = text;
        this.name = name;
        this.keep = keep;
        this.out = out;
        this.slots = new StringBuilder[keep.length];
        this.keepLength = new int[keep.length];
        this.keepFirst = new char[keep.length];
        for (int k = 0; k < keep.length; k++) {
            keepLength[k] = keep[k].length();
            keepFirst[k] = Character.toLowerCase(keep[k].charAt(0));
        }
    }

    /** Scans {@code data} (Latin-1 view {@code text}, no '\r' in it) into {@code out}. */
    static void scan(byte[] data, String text, String name, String[] keep, List<Deb822Reader.Fields> out)
            throws PackageDatabaseException {
        new Deb822Scanner(data, text, name, keep, out).run();
    }

    private void run() throws PackageDatabaseException {
        byte[] d = data;
        int length = d.length;
        int pos = 0;
        while (pos < length) {
            int end = text.indexOf('\n', pos);
            int line = pos;
            lineNo++;
            if (end < 0) {
                end = length;
                Deb822Reader.checkTerminated(data, text, name, line, end, lineNo);
            }
            pos = end + 1;
            lineAt = line;
            if (line == end) {
                blank();
                continue;
            }
            byte first = d[line];
            if (first == ' ' || first == '\t') {
                byte second = line + 1 < end ? d[line + 1] : (byte) ' ';
                if (second > ' ') {
                    // the usual continuation line: a space, then text
                    if (!inField) {
                        throw Deb822Reader.malformed(name, lineNo);
                    }
                    if (current != null) {
                        current.append('\n').append(decode(line + 1, end));
                    }
                    continue;
                }
                general(line, end);
            } else if (first > ' ' && first != '#') {
                field(line, end);
            } else {
                general(line, end);
            }
        }
        if (inParagraph) {
            endParagraph(length);
        }
    }

    /** A line that is not one of the usual kinds, looked at as the general parser does. */
    private void general(int line, int end) throws PackageDatabaseException {
        if (Deb822Reader.isBlank(data, text, line, end)) {
            blank();
            return;
        }
        char first = text.charAt(line);
        if (first == ' ' || first == '\t') {
            if (!inField) {
                throw Deb822Reader.malformed(name, lineNo);
            }
            if (current != null) {
                current.append('\n').append(decode(line + 1, end));
            }
            return;
        }
        if (first == '#' && !inParagraph) {
            return; // comment lines are allowed outside of paragraphs
        }
        field(line, end);
    }

    private void blank() {
        if (inParagraph) {
            endParagraph(lineAt);
            inParagraph = false;
        }
        inField = false;
        current = null;
    }

    /** A "Name: value" line (anything else there is malformed). */
    private void field(int line, int end) throws PackageDatabaseException {
        int colon = text.indexOf(':', line);
        if (colon <= line || colon >= end) {
            throw Deb822Reader.malformed(name, lineNo);
        }
        int nameKind = nameKind(line, colon);
        if (nameKind == SPACE || (nameKind == NON_ASCII && Deb822Reader.hasWhitespace(data, text, line, colon))) {
            throw Deb822Reader.malformed(name, lineNo);
        }
        if (!inParagraph) {
            start = lineNo;
            startByte = lineAt;
            inParagraph = true;
        }
        inField = true;
        int slot = nameKind == NON_ASCII ? Deb822Reader.slotOf(keep, data, text, line, colon) : slotOf(line, colon);
        if (slot < 0) {
            current = null;
        } else {
            current = new StringBuilder(decode(colon + 1, end).strip());
            slots[slot] = current;
        }
    }

    private static final int ASCII = 0;
    private static final int SPACE = 1;
    private static final int NON_ASCII = 2;

    /**
     * Whether the name at {@code [from, to)} is plain ASCII, holds ASCII whitespace, or holds a
     * non-ASCII byte first (then decoded by the caller, as the general parser does).
     */
    private int nameKind(int from, int to) {
        byte[] d = data;
        for (int i = from; i < to; i++) {
            byte b = d[i];
            if (b <= ' ') {
                if (b < 0) {
                    return NON_ASCII;
                }
                if (b == ' ' || b == '\t' || (b >= 0x0b && b <= 0x0d) || (b >= 0x1c && b <= 0x1f)) {
                    return SPACE;
                }
            }
        }
        return ASCII;
    }

    /** Which kept name the ASCII field name at {@code [from, to)} is (ignoring case), or -1. */
    private int slotOf(int from, int to) {
        int length = to - from;
        char first = (char) data[from];
        if (first >= 'A' && first <= 'Z') {
            first = (char) (first + ('a' - 'A'));
        }
        for (int k = 0; k < keep.length; k++) {
            if (keepLength[k] == length && keepFirst[k] == first
                    && text.regionMatches(true, from, keep[k], 0, length)) {
                return k;
            }
        }
        return -1;
    }

    /** Ends the paragraph whose bytes end at {@code to}. */
    private void endParagraph(int to) {
        String[] values = new String[slots.length];
        for (int i = 0; i < slots.length; i++) {
            values[i] = slots[i] == null ? null : slots[i].toString();
            slots[i] = null;
        }
        out.add(new Deb822Reader.Fields(values, start, startByte, to));
    }

    private String decode(int from, int to) {
        return new String(data, from, to - from, StandardCharsets.UTF_8);
    }
}
