package org.jsupermin.tree;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FnmatchTest {

    @Test
    void starMatchesSlashesAsWithoutFnmPathname() {
        assertTrue(Fnmatch.matches("/usr/share/doc/*", "/usr/share/doc/bash/README"));
        assertTrue(Fnmatch.matches("/lib/firmware/*", "/lib/firmware/a/b.bin"));
        assertFalse(Fnmatch.matches("/lib/firmware/*", "/usr/lib/firmware/a"));
        assertFalse(Fnmatch.matches("/usr/share/doc/*", "/usr/share/doc"));
    }

    @Test
    void questionMarksAndBrackets() {
        assertTrue(Fnmatch.matches("/usr/bin/?ash", "/usr/bin/bash"));
        assertTrue(Fnmatch.matches("/usr/lib/*.so.[0-9]", "/usr/lib/libx.so.6"));
        assertFalse(Fnmatch.matches("/usr/lib/*.so.[!0-9]", "/usr/lib/libx.so.6"));
        assertTrue(Fnmatch.matches("/a\\*", "/a*"));
        assertFalse(Fnmatch.matches("/a\\*", "/ab"));
    }
}
