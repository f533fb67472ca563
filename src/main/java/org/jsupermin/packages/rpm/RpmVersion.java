package org.jsupermin.packages.rpm;

import static org.jsupermin.packages.VersionSegments.isAlnum;
import static org.jsupermin.packages.VersionSegments.isDigit;

import org.jsupermin.packages.Relation;
import org.jsupermin.packages.VersionScheme;
import org.jsupermin.packages.VersionSegments;

/**
 * rpm's version ordering: {@code [epoch:]version[-release]}, each part compared segment by segment
 * as rpmvercmp does (rpm 4.15 and later, with {@code ~} and {@code ^}).
 */
public final class RpmVersion implements VersionScheme {

    /** The one instance; the scheme has no state. */
    public static final RpmVersion INSTANCE = new RpmVersion();

    /**
     * A parsed {@code [epoch:]version[-release]}.
     *
     * @param epoch the digits before ':', "0" when written as ":", or null when absent
     * @param version the version
     * @param release the text after the last '-', or null when absent
     */
    public record Evr(String epoch, String version, String release) {

        /** Splits an EVR string as rpm does: epoch = leading digits before ':', release after the last '-'. */
        public static Evr parse(String evr) {
            int i = 0;
            while (i < evr.length() && isDigit(evr.charAt(i))) {
                i++;
            }
            String epoch = null;
            String rest = evr;
            if (i < evr.length() && evr.charAt(i) == ':') {
                epoch = i == 0 ? "0" : evr.substring(0, i);
                rest = evr.substring(i + 1);
            }
            int dash = rest.lastIndexOf('-');
            if (dash < 0) {
                return new Evr(epoch, rest, null);
            }
            return new Evr(epoch, rest.substring(0, dash), rest.substring(dash + 1));
        }

        /** The epoch, "0" when absent. */
        public String epochOrZero() {
            return epoch == null ? "0" : epoch;
        }
    }

    private RpmVersion() {
    }

    /**
     * Compares two EVR strings like rpm's {@code rpm.vercmp}: epochs (absent = 0), then versions,
     * then releases; when only one side has a release, that side is newer.
     */
    @Override
    public int compare(String a, String b) {
        Evr x = Evr.parse(a);
        Evr y = Evr.parse(b);
        int c = vercmp(x.epochOrZero(), y.epochOrZero());
        if (c == 0) {
            c = vercmp(x.version(), y.version());
        }
        if (c == 0) {
            if (x.release() != null && y.release() != null) {
                c = vercmp(x.release(), y.release());
            } else if (x.release() != null) {
                c = 1;
            } else if (y.release() != null) {
                c = -1;
            }
        }
        return c;
    }

    /**
     * Whether a provider of version {@code installed} satisfies {@code relation version}, as rpm
     * matches dependency ranges: a side without a release (or with an empty one) matches every
     * release when its relation includes equality; an absent epoch is 0.
     */
    @Override
    public boolean satisfies(String installed, Relation relation, String version) {
        Evr have = Evr.parse(installed);
        Evr want = Evr.parse(version);
        int c = vercmp(have.epochOrZero(), want.epochOrZero());
        if (c == 0) {
            c = vercmp(have.version(), want.version());
        }
        if (c == 0) {
            boolean haveRelease = have.release() != null && !have.release().isEmpty();
            boolean wantRelease = want.release() != null && !want.release().isEmpty();
            if (haveRelease && wantRelease) {
                c = vercmp(have.release(), want.release());
            } else if (haveRelease || wantRelease) {
                // the provider is "= installed": it overlaps whenever the requirement includes equality
                if (relation == Relation.EQ || relation == Relation.LE || relation == Relation.GE) {
                    return true;
                }
            }
        }
        return switch (relation) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case EQ -> c == 0;
            case GE -> c >= 0;
            case GT -> c > 0;
        };
    }

    /** rpmvercmp: compares one version or release string; returns -1, 0 or 1. */
    public static int vercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int na = a.length();
        int nb = b.length();
        while (i < na || j < nb) {
            i = skipSeparators(a, i);
            j = skipSeparators(b, j);
            char ca = i < na ? a.charAt(i) : 0;
            char cb = j < nb ? b.charAt(j) : 0;
            // '~' sorts before everything, even the end of the string
            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            // '^' sorts after the end of the string but before any other segment
            if (ca == '^' || cb == '^') {
                if (i >= na) {
                    return -1;
                }
                if (j >= nb) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (i >= na || j >= nb) {
                break;
            }
            boolean numeric = isDigit(ca);
            int ei = VersionSegments.end(a, i, numeric);
            int ej = VersionSegments.end(b, j, numeric);
            if (ej == j) {
                // b's segment is of the other kind: a number beats letters
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
        return i >= na ? -1 : 1;
    }

    private static int skipSeparators(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isAlnum(c) || c == '~' || c == '^') {
                break;
            }
            i++;
        }
        return i;
    }
}
