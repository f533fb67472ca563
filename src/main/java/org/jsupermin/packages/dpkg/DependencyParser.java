package org.jsupermin.packages.dpkg;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.Provide;
import org.jsupermin.packages.Relation;

/**
 * Parses dpkg relationship fields: {@code Depends}/{@code Pre-Depends}
 * ({@code a (>= 1.0) | b:any, c:amd64 (<< 2)}) and {@code Provides} ({@code x (= 1.0), y}).
 * Architecture restrictions ({@code [amd64]}) and build profiles ({@code <!nocheck>}) are dropped.
 */
public final class DependencyParser {

    private static final Pattern ALTERNATIVE = Pattern.compile(
            "([^\\s:(\\[<]+)(?::([^\\s(\\[<]+))?\\s*(?:\\(\\s*(<<|<=|>=|>>|=|<|>)\\s*([^\\s()<>=]+)\\s*\\))?");

    private DependencyParser() {
    }

    /**
     * Parses a Depends-style field into requirements, each a list of alternatives.
     *
     * @throws IllegalArgumentException naming the part that does not parse
     */
    public static List<List<Dependency>> parseDepends(String field) {
        List<List<Dependency>> result = new ArrayList<>();
        if (field == null) {
            return result;
        }
        for (String requirement : field.split(",")) {
            if (requirement.isBlank()) {
                continue;
            }
            List<Dependency> alternatives = new ArrayList<>();
            for (String alternative : requirement.split("\\|")) {
                alternatives.add(parseAlternative(alternative));
            }
            result.add(alternatives);
        }
        return result;
    }

    /**
     * Parses a Provides field.
     *
     * @throws IllegalArgumentException naming the part that does not parse
     */
    public static List<Provide> parseProvides(String field) {
        List<Provide> result = new ArrayList<>();
        if (field == null) {
            return result;
        }
        for (String part : field.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Dependency d = parseAlternative(part);
            if (d.relation() != null && d.relation() != Relation.EQ) {
                throw new IllegalArgumentException("only '=' is allowed in Provides: '" + part.strip() + "'");
            }
            result.add(new Provide(d.name(), d.version()));
        }
        return result;
    }

    private static Dependency parseAlternative(String text) {
        String s = stripRestrictions(text).strip().replaceAll("\\s+", " ");
        Matcher m = ALTERNATIVE.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot parse dependency '" + text.strip() + "'");
        }
        String relation = m.group(3);
        return new Dependency(m.group(1), m.group(2), relation == null ? null : relation(relation), m.group(4));
    }

    /** Removes {@code [arch ...]} and {@code <profile ...>} groups found after the name and version. */
    private static String stripRestrictions(String text) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        char close = 0;
        boolean inVersion = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth > 0) {
                if (c == close) {
                    depth = 0;
                }
                continue;
            }
            if (c == '(') {
                inVersion = true;
            } else if (c == ')') {
                inVersion = false;
            } else if (!inVersion && (c == '[' || c == '<')) {
                depth = 1;
                close = c == '[' ? ']' : '>';
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

    /** dpkg's relations; the obsolete {@code <} and {@code >} mean {@code <=} and {@code >=}. */
    private static Relation relation(String s) {
        return switch (s) {
            case "<" -> Relation.LE;
            case ">" -> Relation.GE;
            default -> Relation.parse(s);
        };
    }
}
