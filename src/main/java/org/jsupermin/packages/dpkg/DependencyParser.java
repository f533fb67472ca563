package org.jsupermin.packages.dpkg;

import java.util.ArrayList;
import java.util.List;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.Provide;
import org.jsupermin.packages.Relation;

/**
 * Parses dpkg relationship fields: {@code Depends}/{@code Pre-Depends}
 * ({@code a (>= 1.0) | b:any, c:amd64 (<< 2)}) and {@code Provides} ({@code x (= 1.0), y}).
 * Architecture restrictions ({@code [amd64]}) and build profiles ({@code <!nocheck>}) are dropped.
 */
public final class DependencyParser {

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
            if (isBlank(requirement)) {
                continue;
            }
            List<Dependency> alternatives = new ArrayList<>();
            // -1: an empty alternative ("a |", "|") is an error, as in dpkg, not a requirement of nothing
            for (String alternative : requirement.split("\\|", -1)) {
                if (isBlank(alternative)) {
                    throw new IllegalArgumentException("cannot parse dependency '" + requirement.strip()
                            + "': an alternative is empty");
                }
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
            if (isBlank(part)) {
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

    /**
     * One alternative, {@code name[:arch] [(op version)]}, with restrictions removed, matched by
     * hand: a name of characters other than whitespace and {@code :([<}, an architecture of
     * characters other than whitespace and {@code ([<}, and a version of characters other than
     * whitespace and {@code ()<>=}.
     */
    private static Dependency parseAlternative(String text) {
        String s = stripSpaces(stripRestrictions(text));
        int n = s.length();
        int i = 0;
        while (i < n && !isSpace(s.charAt(i)) && ":([<".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        if (i == 0) {
            throw cannotParse(text);
        }
        String name = s.substring(0, i);
        String qualifier = null;
        if (i < n && s.charAt(i) == ':') {
            int q = ++i;
            while (i < n && !isSpace(s.charAt(i)) && "([<".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            if (i == q) {
                throw cannotParse(text);
            }
            qualifier = s.substring(q, i);
        }
        i = skipSpaces(s, i);
        if (i == n) {
            return new Dependency(name, qualifier, null, null);
        }
        if (s.charAt(i) != '(') {
            throw cannotParse(text);
        }
        i = skipSpaces(s, i + 1);
        int op = i;
        if (i + 1 < n && isRelation(s.charAt(i), s.charAt(i + 1))) {
            i += 2;
        } else if (i < n && "=<>".indexOf(s.charAt(i)) >= 0) {
            i++;
        } else {
            throw cannotParse(text);
        }
        String relation = s.substring(op, i);
        i = skipSpaces(s, i);
        int v = i;
        while (i < n && !isSpace(s.charAt(i)) && "()<>=".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        if (i == v) {
            throw cannotParse(text);
        }
        String version = s.substring(v, i);
        try {
            DebianVersion.checkEpoch(version); // here, where the field is known, not later in a comparison
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot parse dependency '" + text.strip() + "': " + e.getMessage(), e);
        }
        i = skipSpaces(s, i);
        if (i != n - 1 || s.charAt(i) != ')') {
            throw cannotParse(text);
        }
        return new Dependency(name, qualifier, relation(relation), version);
    }

    /** The two-character relations {@code << <= >= >>}. */
    private static boolean isRelation(char a, char b) {
        return (a == '<' && (b == '<' || b == '=')) || (a == '>' && (b == '>' || b == '='));
    }

    /** Whitespace as regular expressions' {@code \s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 11 || c == '\f' || c == '\r';
    }

    /**
     * {@code s} without leading and trailing {@link #isSpace} characters: not {@link String#strip},
     * whose whitespace also holds the control characters U+001C-U+001F, which would then end a
     * name when they come last and belong to it when they do not.
     */
    private static String stripSpaces(String s) {
        int from = skipSpaces(s, 0);
        int to = s.length();
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** Empty or {@link #isSpace} characters only (not {@link String#isBlank}, for the reason above). */
    private static boolean isBlank(String s) {
        return skipSpaces(s, 0) == s.length();
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static IllegalArgumentException cannotParse(String text) {
        return new IllegalArgumentException("cannot parse dependency '" + text.strip() + "'");
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
