package org.jsupermin.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FnmatchTest {

    @Test
    void starMatchesSlashesAsWithoutFnmPathname() {
        assertTrue(Fnmatch.matches("/usr/share/doc/*", "/usr/share/doc/bash/README"));
        assertTrue(Fnmatch.matches("/lib/firmware/*", "/lib/firmware/a/b.bin"));
        assertFalse(Fnmatch.matches("/lib/firmware/*", "/usr/lib/firmware/a"));
        assertFalse(Fnmatch.matches("/usr/share/doc/*", "/usr/share/doc"));
    }

    @Test
    void questionMarksAndBrackets() {
        assertTrue(Fnmatch.matches("/usr/bin/?ash", "/usr/bin/bash"));
        assertTrue(Fnmatch.matches("/usr/lib/*.so.[0-9]", "/usr/lib/libx.so.6"));
        assertFalse(Fnmatch.matches("/usr/lib/*.so.[!0-9]", "/usr/lib/libx.so.6"));
        assertTrue(Fnmatch.matches("/a\\*", "/a*"));
        assertFalse(Fnmatch.matches("/a\\*", "/ab"));
    }

    @Test
    void emptyAndStarOnlyPatterns() {
        assertTrue(Fnmatch.matches("", ""));
        assertFalse(Fnmatch.matches("", "/a"));
        assertTrue(Fnmatch.matches("*", ""));
        assertTrue(Fnmatch.matches("**", "/a/b"));
        assertTrue(Fnmatch.matches("/a**", "/a"));
        assertFalse(Fnmatch.matches("/a*?", "/a"));
        assertTrue(Fnmatch.matches("/a\\", "/a\\"), "a trailing backslash matches itself");
    }

    /** Many wildcards over long names that almost match: each name must take linear time. */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void manyStarsOverLongNamesFinish() {
        String pattern = "/*?*?*?*?*?*?*?*?*?*?*?*?*X*.gz";
        int matched = 0;
        for (int n = 0; n < 2_000; n++) {
            String name = "/usr/share/" + "a".repeat(200 + n % 57) + "/" + "b".repeat(100) + (n % 2 == 0 ? ".gz" : "X.g");
            if (Fnmatch.matches(pattern, name)) {
                matched++;
            }
        }
        assertEquals(0, matched);
        assertTrue(Fnmatch.matches(pattern, "/" + "a".repeat(5_000) + "X" + "b".repeat(5_000) + ".gz"));
        assertFalse(Fnmatch.matches(pattern, "/" + "a".repeat(100_000) + ".gz"));
    }

    /** The matcher agrees with a plain recursive fnmatch on every small pattern and text. */
    @Test
    void agreesWithTheRecursiveDefinition() {
        Random random = new Random(14);
        String patternChars = "ab/*?[]!-^\\";
        String textChars = "ab/[]!-^\\*?";
        for (int n = 0; n < 200_000; n++) {
            String p = randomString(random, patternChars, 8);
            String t = randomString(random, textChars, 8);
            assertEquals(Recursive.match(p, 0, t, 0), Fnmatch.matches(p, t), "pattern '" + p + "' on '" + t + "'");
        }
    }

    @Test
    void agreesWithTheRecursiveDefinitionOnExhaustiveShortInputs() {
        List<String> patterns = all("a*?[]!\\", 4);
        List<String> texts = all("ab[]\\", 3);
        for (String p : patterns) {
            for (String t : texts) {
                assertEquals(Recursive.match(p, 0, t, 0), Fnmatch.matches(p, t), "pattern '" + p + "' on '" + t + "'");
            }
        }
    }

    private static String randomString(Random random, String chars, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString();
    }

    private static List<String> all(String chars, int maxLength) {
        List<String> out = new ArrayList<>();
        out.add("");
        int from = 0;
        for (int length = 1; length <= maxLength; length++) {
            int to = out.size();
            for (int i = from; i < to; i++) {
                for (char c : chars.toCharArray()) {
                    out.add(out.get(i) + c);
                }
            }
            from = to;
        }
        return out;
    }

    /** fnmatch written as its definition (exponential on some patterns; the oracle for small inputs). */
    private static final class Recursive {

        static boolean match(String p, int pi, String t, int ti) {
            while (pi < p.length()) {
                char c = p.charAt(pi);
                if (c == '*') {
                    while (pi < p.length() && p.charAt(pi) == '*') {
                        pi++;
                    }
                    for (int k = ti; k <= t.length(); k++) {
                        if (match(p, pi, t, k)) {
                            return true;
                        }
                    }
                    return false;
                }
                if (ti >= t.length()) {
                    return false;
                }
                char ch = t.charAt(ti);
                if (c == '?') {
                    pi++;
                } else if (c == '[') {
                    int end = bracketEnd(p, pi);
                    if (end < 0) {
                        if (ch != '[') {
                            return false;
                        }
                        pi++;
                    } else {
                        if (!inBracket(p, pi + 1, end, ch)) {
                            return false;
                        }
                        pi = end + 1;
                    }
                } else if (c == '\\') {
                    if (pi + 1 < p.length()) {
                        pi++;
                    }
                    if (ch != p.charAt(pi)) {
                        return false;
                    }
                    pi++;
                } else {
                    if (ch != c) {
                        return false;
                    }
                    pi++;
                }
                ti++;
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

        private static boolean inBracket(String p, int from, int end, char ch) {
            boolean negate = p.charAt(from) == '!' || p.charAt(from) == '^';
            int i = negate ? from + 1 : from;
            boolean found = false;
            while (i < end) {
                char lo = p.charAt(i);
                if (i + 2 < end && p.charAt(i + 1) == '-') {
                    found |= ch >= lo && ch <= p.charAt(i + 2);
                    i += 3;
                } else {
                    found |= ch == lo;
                    i++;
                }
            }
            return found != negate;
        }
    }
}
