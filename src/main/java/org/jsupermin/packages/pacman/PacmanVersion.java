package org.jsupermin.packages.pacman;

import org.jsupermin.packages.VersionScheme;

/**
 * pacman's version ordering (libalpm's vercmp): {@code [epoch:]version[-release]}, each part
 * compared segment by segment like rpm but without {@code ~}/{@code ^}, with a longer run of
 * separators winning, and a trailing letter segment older than nothing ("1.0beta" < "1.0").
 * A missing release equals any release.
 */
public final class PacmanVersion implements VersionScheme {

    /** The one instance; the scheme has no state. */
    public static final PacmanVersion INSTANCE = new PacmanVersion();

    private PacmanVersion() {
    }

    @Override
    public int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        String[] x = split(a);
        String[] y = split(b);
        int c = vercmp(x[0], y[0]);
        if (c == 0) {
            c = vercmp(x[1], y[1]);
        }
        if (c == 0 && x[2] != null && y[2] != null) {
            c = vercmp(x[2], y[2]);
        }
        return c;
    }

    /** {epoch ("0" when absent), version, release or null}. */
    static String[] split(String evr) {
        int i = 0;
        while (i < evr.length() && Character.isDigit(evr.charAt(i)) && evr.charAt(i) < 128) {
            i++;
        }
        String epoch = "0";
        String rest = evr;
        if (i < evr.length() && evr.charAt(i) == ':') {
            epoch = i == 0 ? "0" : evr.substring(0, i);
            rest = evr.substring(i + 1);
        }
        int dash = rest.lastIndexOf('-');
        return dash < 0 ? new String[] {epoch, rest, null}
                : new String[] {epoch, rest.substring(0, dash), rest.substring(dash + 1)};
    }

    /** libalpm's segment comparison of one version or release string: -1, 0 or 1. */
    public static int vercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int na = a.length();
        int nb = b.length();
        while (i < na && j < nb) {
            int si = i;
            int sj = j;
            while (i < na && !isAlnum(a.charAt(i))) {
                i++;
            }
            while (j < nb && !isAlnum(b.charAt(j))) {
                j++;
            }
            if (i >= na || j >= nb) {
                break;
            }
            // more separators in a row make the newer version
            if (i - si != j - sj) {
                return i - si < j - sj ? -1 : 1;
            }
            boolean numeric = isDigit(a.charAt(i));
            int ei = i;
            while (ei < na && (numeric ? isDigit(a.charAt(ei)) : isAlpha(a.charAt(ei)))) {
                ei++;
            }
            int ej = j;
            while (ej < nb && (numeric ? isDigit(b.charAt(ej)) : isAlpha(b.charAt(ej)))) {
                ej++;
            }
            if (ej == j) {
                return numeric ? 1 : -1;
            }
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
            if (c != 0) {
                return c < 0 ? -1 : 1;
            }
            i = ei;
            j = ej;
        }
        if (i >= na && j >= nb) {
            return 0;
        }
        // what is left decides: a remaining letter segment is older than nothing
        if ((i >= na && !isAlpha(b.charAt(j))) || (i < na && isAlpha(a.charAt(i)))) {
            return -1;
        }
        return 1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || isAlpha(c);
    }
}
