package org.jsupermin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --if-newer stamp is written beside the output, where others may have prepared names. */
class BuildStampTest {

    @TempDir
    Path tmp;

    @Test
    void theStampNeverWritesThroughAPreparedSymlink() throws IOException {
        Path canary = Files.writeString(Files.createDirectory(tmp.resolve("elsewhere")).resolve("canary"), "precious\n");
        Path out = Files.writeString(tmp.resolve("out.tar"), "archive");
        // the name the stamp's temporary file used to have
        Path predictable = tmp.resolve(".out.tar.jsupermin-stamp.tmp" + ProcessHandle.current().pid());
        Files.createSymbolicLink(predictable, canary);

        BuildStamp.write(out, "digest", List.of(out));

        assertEquals("precious\n", Files.readString(canary));
        assertTrue(Files.isSymbolicLink(predictable));
        assertEquals("digest", Files.readAllLines(BuildStamp.stampPath(out)).get(0));
        assertNull(BuildStamp.whyRebuild(out, "digest", List.of(out)));
    }
}
