package org.jsupermin.tree;

/**
 * fnmatch(3) without FNM_PATHNAME, as supermin applies excludefiles: {@code *} and {@code ?} also
 * match '/', bracket expressions {@code [a-z]} and {@code [!x]} are supported, and a backslash
 * quotes the next character.
 */
public final class Fnmatch {

    private Fnmatch() {
    }

    /**
     * Whether {@code text} matches {@code pattern}. Linear in the text for a given pattern: since
     * {@code *} also matches '/', only the last {@code *} met needs a backtrack point (the text it
     * swallows grows by one character per retry), as in the classic two-pointer fnmatch.
     */
    public static boolean matches(String pattern, String text) {
        int pi = 0;
        int ti = 0;
        int starPi = -1;
        int starTi = -1;
        while (ti < text.length()) {
            if (pi < pattern.length() && pattern.charAt(pi) == '*') {
                while (pi < pattern.length() && pattern.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == pattern.length()) {
                    return true;
                }
                starPi = pi;
                starTi = ti;
                continue;
            }
            int next = pi < pattern.length() ? step(pattern, pi, text.charAt(ti)) : -1;
            if (next >= 0) {
                pi = next;
                ti++;
            } else if (starPi >= 0) {
                pi = starPi;
                ti = ++starTi;
            } else {
                return false;
            }
        }
        while (pi < pattern.length() && pattern.charAt(pi) == '*') {
            pi++;
        }
        return pi == pattern.length();
    }

    /**
     * Where the pattern goes on after its one-character item at {@code pi} (not a {@code *})
     * matched {@code ch}, or -1 if it does not match.
     */
    private static int step(String p, int pi, char ch) {
        char c = p.charAt(pi);
        switch (c) {
            case '?' -> {
                return pi + 1;
            }
            case '[' -> {
                int end = bracketEnd(p, pi);
                if (end < 0) {
                    // an unclosed '[' matches itself
                    return ch == '[' ? pi + 1 : -1;
                }
                return bracketMatches(p, pi + 1, end, ch) ? end + 1 : -1;
            }
            case '\\' -> {
                int q = pi + 1 < p.length() ? pi + 1 : pi;
                return ch == p.charAt(q) ? q + 1 : -1;
            }
            default -> {
                return ch == c ? pi + 1 : -1;
            }
        }
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
