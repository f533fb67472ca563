package org.jsupermin.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Path normalisation: already-normal paths come back as they are, the others are rewritten. */
class AbsolutePathsTest {

    @Test
    void normalPathsAreReturnedUnchanged() {
        for (String p : new String[] {"/", "/usr", "/usr/bin/bash", "/.hidden", "/a/...", "/a/..b", "/a/b."}) {
            assertSame(p, AbsolutePaths.normalize(p), p);
        }
    }

    @Test
    void otherPathsAreRewritten() {
        assertEquals("/", AbsolutePaths.normalize(""));
        assertEquals("/", AbsolutePaths.normalize("/."));
        assertEquals("/", AbsolutePaths.normalize("/.."));
        assertEquals("/usr/bin", AbsolutePaths.normalize("usr/bin"));
        assertEquals("/usr/bin", AbsolutePaths.normalize("/usr/bin/"));
        assertEquals("/usr/bin", AbsolutePaths.normalize("//usr//bin"));
        assertEquals("/usr/bin", AbsolutePaths.normalize("/usr/./bin/."));
        assertEquals("/bin", AbsolutePaths.normalize("/usr/../bin"));
        assertEquals("/a", AbsolutePaths.normalize("/../../a"));
    }

    @Test
    void normalizes() {
        assertEquals("/usr/bin", AbsolutePaths.normalize("/usr/./lib/../bin/"));
        assertEquals("/", AbsolutePaths.normalize("/.."));
    }
}
