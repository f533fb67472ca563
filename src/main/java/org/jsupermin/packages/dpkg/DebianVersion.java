package org.jsupermin.packages.dpkg;

import static org.jsupermin.packages.VersionSegments.isAlnum;
import static org.jsupermin.packages.VersionSegments.isAlpha;
import static org.jsupermin.packages.VersionSegments.isDigit;

import org.jsupermin.packages.VersionScheme;
import org.jsupermin.packages.VersionSegments;

/** dpkg's version ordering: {@code [epoch:]upstream[-revision]}, compared as dpkg does. */
public final class DebianVersion implements VersionScheme {

    /** The one instance; the scheme has no state. */
    public static final DebianVersion INSTANCE = new DebianVersion();

    /** The parts of a version string. */
    private record Parts(long epoch, String upstream, String revision) {
    }

    @Override
    public int compare(String a, String b) {
        Parts pa = split(a);
        Parts pb = split(b);
        int c = Long.compare(pa.epoch, pb.epoch);
        if (c != 0) {
            return c;
        }
        c = compareFragment(pa.upstream, pb.upstream);
        if (c != 0) {
            return c;
        }
        return compareFragment(pa.revision, pb.revision);
    }

    /**
     * Whether {@code version} is a well-formed dpkg version: an optional numeric epoch, an
     * upstream part starting with a digit made of letters, digits and {@code .+~-:} (a hyphen only
     * when a revision follows, a colon only after an epoch), and an optional non-empty revision
     * of letters, digits and {@code .+~}.
     */
    public static boolean isValid(String version) {
        if (version == null || version.isEmpty()) {
            return false;
        }
        String rest = version;
        int colon = version.indexOf(':');
        if (colon >= 0) {
            String epoch = version.substring(0, colon);
            if (epoch.isEmpty() || !epoch.chars().allMatch(VersionSegments::isDigit)) {
                return false;
            }
            try {
                if (Long.parseLong(epoch) > Integer.MAX_VALUE) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
            rest = version.substring(colon + 1);
        }
        String upstream = rest;
        int hyphen = rest.lastIndexOf('-');
        if (hyphen >= 0) {
            upstream = rest.substring(0, hyphen);
            String revision = rest.substring(hyphen + 1);
            if (revision.isEmpty() || !revision.chars().allMatch(ch -> isAlnum(ch) || ".+~".indexOf(ch) >= 0)) {
                return false;
            }
        }
        if (upstream.isEmpty() || !isDigit(upstream.charAt(0))) {
            return false;
        }
        return upstream.chars().allMatch(ch -> isAlnum(ch) || ".+~-:".indexOf(ch) >= 0);
    }

    /**
     * Fails as {@link #compare} would fail on {@code version}: its epoch is not a number.
     *
     * @throws IllegalArgumentException "epoch of version 'V' is not a number"
     */
    public static void checkEpoch(String version) {
        split(version);
    }

    private static Parts split(String version) {
        String v = version.trim();
        long epoch = 0;
        int colon = v.indexOf(':');
        if (colon >= 0) {
            String e = v.substring(0, colon);
            epoch = e.isEmpty() ? 0 : parseEpoch(e, version);
            v = v.substring(colon + 1);
        }
        int hyphen = v.lastIndexOf('-');
        if (hyphen >= 0) {
            return new Parts(epoch, v.substring(0, hyphen), v.substring(hyphen + 1));
        }
        return new Parts(epoch, v, "");
    }

    private static long parseEpoch(String epoch, String version) {
        try {
            return Long.parseLong(epoch);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("epoch of version '" + version + "' is not a number");
        }
    }

    /** dpkg's comparison of an upstream or revision part: alternating non-digit and digit runs. */
    static int compareFragment(String a, String b) {
        int i = 0;
        int j = 0;
        int na = a.length();
        int nb = b.length();
        while (i < na || j < nb) {
            while ((i < na && !isDigit(a.charAt(i))) || (j < nb && !isDigit(b.charAt(j)))) {
                int oa = i < na ? order(a.charAt(i)) : 0;
                int ob = j < nb ? order(b.charAt(j)) : 0;
                if (oa != ob) {
                    return oa - ob;
                }
                i++;
                j++;
            }
            while (i < na && a.charAt(i) == '0') {
                i++;
            }
            while (j < nb && b.charAt(j) == '0') {
                j++;
            }
            int firstDiff = 0;
            while (i < na && j < nb && isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < na && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < nb && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff;
            }
        }
        return 0;
    }

    /** The weight of one character: '~' lowest, then end/digit, then letters, then the rest. */
    private static int order(char c) {
        if (isDigit(c)) {
            return 0;
        }
        if (isAlpha(c)) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }
}
