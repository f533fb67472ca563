package org.jsupermin.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** groff finds nothing to warn about in the manual page, and man renders it. */
class ManPageIT {

    private static final Path MAN = Path.of("man/supermin.1").toAbsolutePath();

    @Test
    void groffHasNoWarnings() throws Exception {
        Shell groff = Shell.run("groff", "-ww", "-z", "-man", MAN.toString());
        assertEquals(0, groff.status(), groff.err());
        assertEquals("", groff.err());
    }

    @Test
    void manRendersIt() throws Exception {
        for (String width : List.of("80", "60")) {
            Shell man = Shell.run(null, Map.of("MANWIDTH", width, "MAN_KEEP_FORMATTING", ""),
                    List.of("man", "-l", MAN.toString()));
            assertEquals(0, man.status(), man.err());
            assertEquals("", man.err(), "man's warnings at width " + width);
            assertTrue(man.out().contains("SYNOPSIS"), man.out());
            assertTrue(man.out().contains("supermin --build"), "synopsis line rendered");
        }
    }
}
