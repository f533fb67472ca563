package org.jsupermin.packages;

/**
 * The pieces every package manager's version ordering is made of: ASCII digit and letter
 * classes, and the comparison of one run of digits (as a number) or of letters (as ASCII).
 */
public final class VersionSegments {

    private VersionSegments() {
    }

    /** An ASCII digit. */
    public static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** An ASCII letter. */
    public static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** An ASCII digit or letter. */
    public static boolean isAlnum(int c) {
        return isDigit(c) || isAlpha(c);
    }

    /** The end of the run of digits ({@code numeric}) or of letters that starts at {@code i}. */
    public static int end(String s, int i, boolean numeric) {
        while (i < s.length() && (numeric ? isDigit(s.charAt(i)) : isAlpha(s.charAt(i)))) {
            i++;
        }
        return i;
    }

    /**
     * Compares {@code a[i, ei)} with {@code b[j, ej)}: two runs of digits as numbers (leading
     * zeros ignored, the longer number the larger), or two runs of letters in ASCII order.
     * Returns -1, 0 or 1.
     */
    public static int compare(String a, int i, int ei, String b, int j, int ej, boolean numeric) {
        if (numeric) {
            while (i < ei && a.charAt(i) == '0') {
                i++;
            }
            while (j < ej && b.charAt(j) == '0') {
                j++;
            }
            if (ei - i != ej - j) {
                return ei - i > ej - j ? 1 : -1;
            }
        }
        int c = a.substring(i, ei).compareTo(b.substring(j, ej));
        return Integer.signum(c);
    }
}
