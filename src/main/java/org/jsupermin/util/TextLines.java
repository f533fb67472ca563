package org.jsupermin.util;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a text as {@link String#lines()} splits them (at "\n", "\r" or "\r\n", no empty
 * last line), as a list.
 */
public final class TextLines {

    private TextLines() {
    }

    /** The lines of {@code text}, without their terminators. */
    public static List<String> of(String text) {
        List<String> lines = new ArrayList<>();
        int n = text.length();
        // most texts end their lines with "\n" alone: then String.indexOf finds each end
        boolean crs = text.indexOf('\r') >= 0;
        int start = 0;
        while (start < n) {
            int end = crs ? lineEnd(text, start) : text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            lines.add(text.substring(start, end));
            start = end + 1;
            if (end < n && text.charAt(end) == '\r' && start < n && text.charAt(start) == '\n') {
                start++;
            }
        }
        return lines;
    }

    /** Where the line starting at {@code from} ends: its "\n" or "\r", or the text's end. */
    private static int lineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }
}
