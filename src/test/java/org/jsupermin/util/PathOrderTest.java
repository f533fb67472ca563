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
}
