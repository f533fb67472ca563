package org.jsupermin.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Path normalisation: already-normal paths come back as they are, the others are rewritten. */
class RootPathsTest {

    @Test
    void normalPathsAreReturnedUnchanged() {
        for (String p : new String[] {"/", "/usr", "/usr/bin/bash", "/.hidden", "/a/...", "/a/..b", "/a/b."}) {
            assertSame(p, RootPaths.normalize(p), p);
        }
    }

    @Test
    void otherPathsAreRewritten() {
        assertEquals("/", RootPaths.normalize(""));
        assertEquals("/", RootPaths.normalize("/."));
        assertEquals("/", RootPaths.normalize("/.."));
        assertEquals("/usr/bin", RootPaths.normalize("usr/bin"));
        assertEquals("/usr/bin", RootPaths.normalize("/usr/bin/"));
        assertEquals("/usr/bin", RootPaths.normalize("//usr//bin"));
        assertEquals("/usr/bin", RootPaths.normalize("/usr/./bin/."));
        assertEquals("/bin", RootPaths.normalize("/usr/../bin"));
        assertEquals("/a", RootPaths.normalize("/../../a"));
    }
}
