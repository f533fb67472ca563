package org.jsupermin.tree;

/**
 * fnmatch(3) without FNM_PATHNAME, as supermin applies excludefiles: {@code *} and {@code ?} also
 * match '/', bracket expressions {@code [a-z]} and {@code [!x]} are supported, and a backslash
 * quotes the next character.
 */
public final class Fnmatch {

    private Fnmatch() {
    }

    /** Whether {@code text} matches {@code pattern}. */
    public static boolean matches(String pattern, String text) {
        return match(pattern, 0, text, 0);
    }

    private static boolean match(String p, int pi, String t, int ti) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            switch (c) {
                case '*' -> {
                    while (pi < p.length() && p.charAt(pi) == '*') {
                        pi++;
                    }
                    if (pi == p.length()) {
                        return true;
                    }
                    for (int k = ti; k <= t.length(); k++) {
                        if (match(p, pi, t, k)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> {
                    if (ti >= t.length()) {
                        return false;
                    }
                    pi++;
                    ti++;
                }
                case '[' -> {
                    if (ti >= t.length()) {
                        return false;
                    }
                    int end = bracketEnd(p, pi);
                    if (end < 0) {
                        // an unclosed '[' matches itself
                        if (t.charAt(ti) != '[') {
                            return false;
                        }
                        pi++;
                        ti++;
                    } else {
                        if (!bracketMatches(p, pi + 1, end, t.charAt(ti))) {
                            return false;
                        }
                        pi = end + 1;
                        ti++;
                    }
                }
                case '\\' -> {
                    if (pi + 1 < p.length()) {
                        pi++;
                    }
                    if (ti >= t.length() || t.charAt(ti) != p.charAt(pi)) {
                        return false;
                    }
                    pi++;
                    ti++;
                }
                default -> {
                    if (ti >= t.length() || t.charAt(ti) != c) {
                        return false;
                    }
                    pi++;
                    ti++;
                }
            }
        }
        return ti == t.length();
    }

    private static int bracketEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        while (i < p.length() && p.charAt(i) != ']') {
            i++;
        }
        return i < p.length() ? i : -1;
    }

    private static boolean bracketMatches(String p, int from, int end, char ch) {
        boolean negate = p.charAt(from) == '!' || p.charAt(from) == '^';
        int i = negate ? from + 1 : from;
        boolean found = false;
        boolean first = true;
        while (i < end) {
            char lo = p.charAt(i);
            if (lo == ']' && !first) {
                break;
            }
            first = false;
            if (i + 2 < end && p.charAt(i + 1) == '-') {
                char hi = p.charAt(i + 2);
                if (ch >= lo && ch <= hi) {
                    found = true;
                }
                i += 3;
            } else {
                if (ch == lo) {
                    found = true;
                }
                i++;
            }
        }
        return found != negate;
    }
}
