package org.jsupermin.format.kernel;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders kernel versions naturally: runs of digits compare as numbers, other runs as text,
 * so 6.10.0 sorts after 6.9.12 and 6.1.0-56 after 6.1.0-9.
 */
public final class NaturalVersionOrder implements Comparator<String> {

    /** The shared instance. */
    public static final NaturalVersionOrder INSTANCE = new NaturalVersionOrder();

    private NaturalVersionOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            boolean digitA = Character.isDigit(a.charAt(i));
            boolean digitB = Character.isDigit(b.charAt(j));
            int endA = runEnd(a, i, digitA);
            int endB = runEnd(b, j, digitB);
            String runA = a.substring(i, endA);
            String runB = b.substring(j, endB);
            int c;
            if (digitA && digitB) {
                c = new BigInteger(runA).compareTo(new BigInteger(runB));
            } else if (digitA != digitB) {
                c = digitA ? 1 : -1; // a number sorts after text at the same place
            } else {
                c = runA.compareTo(runB);
            }
            if (c != 0) {
                return c;
            }
            i = endA;
            j = endB;
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int runEnd(String s, int from, boolean digits) {
        int k = from;
        while (k < s.length() && Character.isDigit(s.charAt(k)) == digits) {
            k++;
        }
        return k;
    }
}
