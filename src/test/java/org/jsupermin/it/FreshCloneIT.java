package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh clone's first {@code bin/supermin}: it says that it builds the jar and how long that
 * takes, builds it with Maven, writes no escape sequences to a standard error that is not a
 * terminal, and then runs the command.
 */
class FreshCloneIT {

    @TempDir
    Path tmp;

    @Test
    void theFirstRunSaysItBuildsAndWritesNoEscapeSequencesToAPipe() {
        Tools.requireTool("git", "/usr/bin/git", "apt-get install git");
        Path clone = tmp.resolve("jsupermin");
        Tools.run("git", "clone", "-q", "--no-hardlinks", Path.of("").toAbsolutePath().toString(), clone.toString())
                .orFail("git clone of this checkout");
        assertFalse(Files.exists(clone.resolve("target")), "a fresh clone has no jar");

        Result first = Tools.run(List.of(clone.resolve("bin/supermin").toString(), "--version"),
                Map.of("JSUPERMIN_CDS", "0"));
        first.orFail("first run of bin/supermin");
        assertTrue(first.stdout().startsWith("supermin "), first.stdout());
        assertTrue(first.stderr().startsWith("supermin: building target/jsupermin.jar on first use with Maven; "
                + "this takes about half a minute"), first.stderr());
        assertFalse(first.stderr().contains("\u001b"), "escape sequences on a pipe: " + first.stderr());
        assertTrue(Files.isRegularFile(clone.resolve("target/jsupermin.jar")));

        Result second = Tools.run(List.of(clone.resolve("bin/supermin").toString(), "--version"),
                Map.of("JSUPERMIN_CDS", "0")).orFail("second run");
        assertEquals("", second.stderr(), "the jar is built once");
        assertEquals(first.stdout(), second.stdout());
    }
}
