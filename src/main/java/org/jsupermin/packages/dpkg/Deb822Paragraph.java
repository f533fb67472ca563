package org.jsupermin.packages.dpkg;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One deb822 paragraph: its fields (looked up case-insensitively, as dpkg does) and the line it
 * starts on. A multi-line value keeps its continuation lines, each after a newline.
 *
 * @param fields field name to value
 * @param line the 1-based line number of the paragraph's first field
 */
public record Deb822Paragraph(Map<String, String> fields, int line) {

    public Deb822Paragraph {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(fields);
        fields = Collections.unmodifiableMap(copy);
    }

    /** The field's value, or null when absent. */
    public String get(String field) {
        return fields.get(field);
    }

    /** The field's value, or {@code fallback} when absent. */
    public String get(String field, String fallback) {
        String v = fields.get(field);
        return v == null ? fallback : v;
    }
}
