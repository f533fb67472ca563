package org.jsupermin.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SizesTest {

    @Test
    void parsesSuffixesAsPowersOf1024() {
        assertEquals(4L << 30, Sizes.parse("4G"));
        assertEquals(512L << 20, Sizes.parse("512M"));
        assertEquals(32L << 30, Sizes.parse("32G"));
        assertEquals(100L << 10, Sizes.parse("100K"));
        assertEquals(100L << 10, Sizes.parse("100k"));
        assertEquals(2L << 40, Sizes.parse("2T"));
        assertEquals(10737418240L, Sizes.parse("10737418240b"));
        assertEquals(4096L, Sizes.parse("4096"));
    }

    @Test
    void rejectsGarbageWithAClearMessage() {
        for (String bad : new String[] {"", "G", "4X", "-4G", "1.5G", "4GB", "four", " 4 G"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(bad), bad);
            assertTrue(e.getMessage().contains("size"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse("99999999999T"));
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse(null));
    }
}
