package org.jsupermin.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --if-newer stamp: written beside the output, where others may have prepared names; what it lets through. */
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

    @Test
    void touchedOutputsAreKeptAsLibguestfsExpectsButReplacedOnesAreRebuilt() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("appliance.d"));
        Path root = Files.writeString(out.resolve("root"), "image");
        Path initrd = Files.writeString(out.resolve("initrd"), "initrd");
        List<Path> outputs = List.of(out, root, initrd);
        BuildStamp.write(out, "digest", outputs);
        assertNull(BuildStamp.whyRebuild(out, "digest", outputs));

        // libguestfs runs utimes(file, NULL) on kernel, initrd and root after every --if-newer build
        for (Path p : outputs) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        }
        assertNull(BuildStamp.whyRebuild(out, "digest", outputs));

        assertEquals("the inputs, package versions, options or kernel changed", BuildStamp.whyRebuild(out, "other", outputs));
        Path replacement = Files.writeString(tmp.resolve("new-root"), "image");
        Files.move(replacement, root, StandardCopyOption.REPLACE_EXISTING);
        assertEquals("the output was changed or replaced since it was built", BuildStamp.whyRebuild(out, "digest", outputs));
        Files.delete(initrd);
        assertEquals(initrd + " is missing", BuildStamp.whyRebuild(out, "digest", outputs));
    }
}
