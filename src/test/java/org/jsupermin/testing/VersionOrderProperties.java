package org.jsupermin.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsupermin.packages.Relation;
import org.jsupermin.packages.VersionScheme;

/**
 * What every version ordering must do, whatever the strings: compare a version with itself as
 * equal, two versions the same way round in both directions, three versions transitively (where
 * the scheme is a total order), and {@code satisfies} as its comparison says.
 */
public final class VersionOrderProperties {

    private VersionOrderProperties() {
    }

    /** The first three lines of {@code data} (UTF-8), "" for those missing. */
    public static String[] threeLines(byte[] data) {
        String[] lines = new String(data, java.nio.charset.StandardCharsets.UTF_8).split("\n", 3);
        String[] out = {"", "", ""};
        System.arraycopy(lines, 0, out, 0, lines.length);
        return out;
    }

    /** Checks reflexivity, antisymmetry and {@code satisfies} of {@code a} and {@code b}. */
    public static void checkPair(VersionScheme scheme, String a, String b) {
        assertEquals(0, scheme.compare(a, a), "compare(a, a) of '" + a + "'");
        int ab = Integer.signum(scheme.compare(a, b));
        int ba = Integer.signum(scheme.compare(b, a));
        assertEquals(-ab, ba, "compare('" + a + "', '" + b + "') = " + ab + " but the reverse = " + ba);
        assertTrue(scheme.satisfies(a, Relation.EQ, a), "'" + a + "' = itself");
    }

    /** Checks that the order of {@code a}, {@code b}, {@code c} is transitive. */
    public static void checkTriple(VersionScheme scheme, String a, String b, String c) {
        int ab = Integer.signum(scheme.compare(a, b));
        int bc = Integer.signum(scheme.compare(b, c));
        int ac = Integer.signum(scheme.compare(a, c));
        String where = "'" + a + "' vs '" + b + "': " + ab + ", '" + b + "' vs '" + c + "': " + bc
                + ", '" + a + "' vs '" + c + "': " + ac;
        if (ab <= 0 && bc <= 0) {
            assertTrue(ac <= 0, where);
        }
        if (ab >= 0 && bc >= 0) {
            assertTrue(ac >= 0, where);
        }
        if (ab == 0 && bc == 0) {
            assertEquals(0, ac, where);
        }
    }
}
