package org.jsupermin.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PathOrderTest {

    @Test
    void directoryComesRightBeforeItsContents() {
        List<String> expected = List.of("/", "/a", "/a/b", "/a/b/c", "/a/c", "/a-b", "/a.b", "/ab", "/b");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(42));
        shuffled.sort(PathOrder.COMPARATOR);
        assertEquals(expected, shuffled);
    }

    @Test
    void nonAsciiSortsByCodePoint() {
        List<String> l = new ArrayList<>(List.of("/é", "/z", "/a"));
        l.sort(PathOrder.COMPARATOR);
        assertEquals(List.of("/a", "/z", "/é"), l);
    }

    @Test
    void namesThatAreNotUtf8SortByTheirBytes() {
        List<String> expected = List.of("/a/b", "/a\udc80", "/a\u00e9", "/a\u4e00", "/a\ud83d\ude00", "/a\udcff");
        List<String> shuffled = new java.util.ArrayList<>(expected);
        java.util.Collections.reverse(shuffled);
        shuffled.sort(PathOrder.COMPARATOR);
        assertEquals(expected, shuffled);
        PathOrder.sort(shuffled, java.util.function.Function.identity());
        assertEquals(expected, shuffled);
    }

    @Test
    void sortingByKeysGivesTheComparatorsOrder() {
        // characters below and around '/', spaces, non-ASCII, surrogate pairs and the key character
        String[] parts = {"a", "b", "a-b", "a.b", "a b", "a!", "ab", "é", "\u00ff", "\u4e2d", "\ud83d\ude00",
            "\uffff", "\ue000", "x\u0001y", "!", ".", "0", "Z"};
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<String> paths = new ArrayList<>();
            boolean plain = round % 2 == 0;
            for (int i = 0; i < 60; i++) {
                StringBuilder p = new StringBuilder();
                int depth = 1 + random.nextInt(4);
                for (int d = 0; d < depth; d++) {
                    String part = parts[random.nextInt(parts.length)];
                    if (plain && (part.contains("\u0001") || Character.isSurrogate(part.charAt(0)))) {
                        part = "q";
                    }
                    p.append('/').append(part);
                }
                paths.add(p.toString());
            }
            List<String> expected = new ArrayList<>(paths);
            expected.sort(PathOrder.COMPARATOR);
            List<String> keyed = new ArrayList<>(paths);
            PathOrder.sort(keyed, s -> s);
            assertEquals(expected, keyed, "round " + round);
        }
    }
}
