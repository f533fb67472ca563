package org.jsupermin.resolve;

import org.jsupermin.packages.VersionScheme;

/**
 * A plain version order for tests: versions split at '.', '-', ':', '+' and '~'; numeric segments
 * compare as numbers, others as text; a missing segment is older. Not dpkg's or rpm's order.
 */
final class SegmentVersionScheme implements VersionScheme {

    @Override
    public int compare(String a, String b) {
        String[] x = a.split("[.\\-:+~]");
        String[] y = b.split("[.\\-:+~]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            if (i >= x.length) {
                return -1;
            }
            if (i >= y.length) {
                return 1;
            }
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i]))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
