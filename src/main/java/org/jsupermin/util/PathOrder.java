package org.jsupermin.util;

import java.util.Comparator;

/**
 * The order of paths in every output: component by component, each compared by its UTF-8 bytes,
 * so that a directory comes right before its contents ("/a", "/a/b", "/a-b").
 */
public final class PathOrder {

    /** The comparator form of {@link #compare}. */
    public static final Comparator<String> COMPARATOR = PathOrder::compare;

    private PathOrder() {
    }

    /** Compares two absolute paths component-wise. */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca == cb) {
                continue;
            }
            // '/' sorts before every other character, so children follow their parent directly
            if (ca == '/') {
                return -1;
            }
            if (cb == '/') {
                return 1;
            }
            // code-point order equals UTF-8 byte order except for surrogates; compare code points
            return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return Integer.compare(a.length(), b.length());
    }
}
