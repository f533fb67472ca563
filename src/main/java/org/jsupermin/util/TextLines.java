package org.jsupermin.util;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a text as {@link String#lines()} splits them (at "\n", "\r" or "\r\n", no empty
 * last line), with a plain loop: a stream pipeline's first use costs its linkage in a fresh JVM.
 */
public final class TextLines {

    private TextLines() {
    }

    /** The lines of {@code text}, without their terminators. */
    public static List<String> of(String text) {
        List<String> lines = new ArrayList<>();
        int n = text.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
