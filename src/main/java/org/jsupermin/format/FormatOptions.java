package org.jsupermin.format;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The values of the format-specific options given, by long name ("--size" → ["8G"]): a flag
 * given maps to an empty list, an option given several times to each value in order. Formats
 * read their own options from here, so that a new format's options need no change elsewhere.
 *
 * @param values sorted by name
 */
public record FormatOptions(SortedMap<String, List<String>> values) {

    /** No format options. */
    public static final FormatOptions NONE = new FormatOptions(new TreeMap<>());

    public FormatOptions {
        SortedMap<String, List<String>> copy = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            copy.put(e.getKey(), List.copyOf(e.getValue()));
        }
        values = Collections.unmodifiableSortedMap(copy);
    }

    /** Options from "name", "value" pairs, one value each (tests, library use). */
    public static FormatOptions of(String... nameValue) {
        if (nameValue.length % 2 != 0) {
            throw new IllegalArgumentException("name, value pairs expected");
        }
        SortedMap<String, List<String>> values = new TreeMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            values.put(nameValue[i], nameValue[i + 1] == null ? List.of() : List.of(nameValue[i + 1]));
        }
        return new FormatOptions(values);
    }

    /** Whether the option was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The option's (last) value, or null when it was not given or takes none. */
    public String text(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    /** Every value of the option, in the order given; empty when it was not given. */
    public List<String> list(String name) {
        return values.getOrDefault(name, List.of());
    }
}
