package org.jsupermin.packages.pacman;

import static org.jsupermin.packages.VersionSegments.isAlnum;
import static org.jsupermin.packages.VersionSegments.isAlpha;
import static org.jsupermin.packages.VersionSegments.isDigit;

import org.jsupermin.packages.VersionScheme;
import org.jsupermin.packages.VersionSegments;

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
            int ei = VersionSegments.end(a, i, numeric);
            int ej = VersionSegments.end(b, j, numeric);
            if (ej == j) {
                return numeric ? 1 : -1;
            }
            int c = VersionSegments.compare(a, i, ei, b, j, ej, numeric);
            if (c != 0) {
                return c;
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
}
