package org.jsupermin.util;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The order of paths in every output: component by component, each compared by its UTF-8 bytes,
 * so that a directory comes right before its contents ("/a", "/a/b", "/a-b").
 */
public final class PathOrder {

    /** The comparator form of {@link #compare}. */
    public static final Comparator<String> COMPARATOR = PathOrder::compare;

    private PathOrder() {
    }

    /** What stands for '/' in a sorting key: below every character a path can hold but NUL. */
    private static final char SLASH_KEY = '\u0001';

    /**
     * Sorts {@code items} by their paths, in this order (stable). Each path becomes a key, '/'
     * replaced by a character below all others, and keys compare as plain strings, which is
     * faster than the comparator on the thousands of paths of a tree. Should a path
     * hold that character, or a surrogate (where code-unit and code-point order differ), the
     * comparator sorts them all instead.
     */
    public static <T> void sort(List<T> items, Function<? super T, String> pathOf) {
        int n = items.size();
        @SuppressWarnings("unchecked")
        Keyed<T>[] keyed = new Keyed[n];
        for (int i = 0; i < n; i++) {
            T item = items.get(i);
            String path = pathOf.apply(item);
            if (!keyable(path)) {
                items.sort((a, b) -> compare(pathOf.apply(a), pathOf.apply(b)));
                return;
            }
            keyed[i] = new Keyed<>(path.replace('/', SLASH_KEY), item);
        }
        Arrays.sort(keyed);
        for (int i = 0; i < n; i++) {
            items.set(i, keyed[i].item);
        }
    }

    private static boolean keyable(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == SLASH_KEY || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private record Keyed<T>(String key, T item) implements Comparable<Keyed<T>> {
        @Override
        public int compareTo(Keyed<T> o) {
            return key.compareTo(o.key);
        }
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
            if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
                // a character beyond U+FFFF, or a byte of a name that is not UTF-8 (FileNames)
                return compareBytes(a, b, i > 0 && Character.isHighSurrogate(a.charAt(i - 1)) ? i - 1 : i);
            }
            // code-point order equals UTF-8 byte order below the surrogates
            return Integer.compare(ca, cb);
        }
        return Integer.compare(a.length(), b.length());
    }

    /** The order of the names' bytes from {@code from} on (all before it equal), '/' below every other byte. */
    private static int compareBytes(String a, String b, int from) {
        byte[] x = FileNames.encode(a.substring(from));
        byte[] y = FileNames.encode(b.substring(from));
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int p = x[i] == '/' ? -1 : x[i] & 0xff;
            int q = y[i] == '/' ? -1 : y[i] & 0xff;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
