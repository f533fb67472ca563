package org.jsupermin.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stamp's watch: the output is up to date without a digest only while nothing it watches moved. */
class BuildStampWatchTest {

    private static final String KEY = "format=ext2\nroot=/\n";

    @TempDir
    Path dir;

    private Path out;
    private List<Path> outputs;
    private Path packages;
    private Path status;
    private List<Path> inputs;

    @BeforeEach
    void build() throws Exception {
        out = Files.createDirectory(dir.resolve("appliance d"));
        outputs = List.of(out, Files.writeString(out.resolve("root"), "image"));
        Path d = Files.createDirectory(dir.resolve("supermin.d"));
        packages = Files.writeString(d.resolve("packages"), "bash\n");
        status = Files.writeString(dir.resolve("status"), "Package: bash\nVersion: 5.2\n");
        inputs = List.of(packages);
    }

    /** A stamp written by a build that began a minute after the files were last changed. */
    private void stamp() throws Exception {
        BuildStamp.write(out, "digest", outputs,
                new StampWatch(KEY, inputs, List.of(packages, status, dir.resolve("absent")), System.currentTimeMillis() + 60_000));
    }

    @Test
    void nothingMovedIsUpToDateAndTouchedOutputsStaySo() throws Exception {
        stamp();
        assertTrue(BuildStamp.unchanged(out, KEY, inputs, outputs));
        // libguestfs touches its appliance's files at every launch
        for (Path p : outputs) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() + 120_000));
        }
        assertTrue(BuildStamp.unchanged(out, KEY, inputs, outputs));
        assertNull(BuildStamp.whyRebuild(out, "digest", outputs));
    }

    @Test
    void anyMoveSendsTheDecisionToTheDigest() throws Exception {
        stamp();
        assertFalse(BuildStamp.unchanged(out, KEY + "size=1\n", inputs, outputs), "another key");
        assertFalse(BuildStamp.unchanged(out, KEY, List.of(packages, packages), outputs), "another list of inputs");
        assertFalse(BuildStamp.unchanged(out, KEY, List.of(), outputs), "fewer inputs");

        // a change after a stamp's recording is at least a second after the times it recorded;
        // here a few of the kernel's timestamp ticks are enough for its new times to differ
        Thread.sleep(30);
        Files.writeString(status, "Package: bash\nVersion: 5.3\n"); // same size, new content
        assertFalse(BuildStamp.unchanged(out, KEY, inputs, outputs), "the package database moved");
        stamp();
        assertTrue(BuildStamp.unchanged(out, KEY, inputs, outputs));

        Files.writeString(dir.resolve("absent"), "now here");
        assertFalse(BuildStamp.unchanged(out, KEY, inputs, outputs), "a watched absent file appeared");
        Files.delete(dir.resolve("absent"));
        stamp();

        Path replacement = Files.writeString(dir.resolve("new-root"), "image");
        Files.move(replacement, outputs.get(1), StandardCopyOption.REPLACE_EXISTING);
        assertFalse(BuildStamp.unchanged(out, KEY, inputs, outputs), "an output replaced");
        stamp();
        Files.delete(outputs.get(1));
        assertFalse(BuildStamp.unchanged(out, KEY, inputs, outputs), "an output deleted");
    }

    @Test
    void aFileChangedSinceTheBuildBeganIsNotTrusted() throws Exception {
        BuildStamp.write(out, "digest", outputs, new StampWatch(KEY, inputs, List.of(packages, status), System.currentTimeMillis()));
        assertFalse(BuildStamp.unchanged(out, KEY, inputs, outputs), "racy: the digest decides");
        assertNull(BuildStamp.whyRebuild(out, "digest", outputs), "and finds the output up to date");
        assertFalse(Files.readString(BuildStamp.stampPath(out)).contains("\nkey "), "no watch recorded");
    }

    @Test
    void noStampOrAStampWithoutWatchIsNeverUpToDateByItself() throws Exception {
        assertFalse(BuildStamp.unchanged(out, KEY, inputs, outputs));
        BuildStamp.write(out, "digest", outputs);
        assertFalse(BuildStamp.unchanged(out, KEY, inputs, outputs));
    }

    @Test
    void escapedTextRoundTrips() {
        for (String s : List.of("", "plain", "a b", "two\nlines", "back\\slash\\n", "\\s ")) {
            assertEquals(s, BuildStamp.unescape(BuildStamp.escape(s)));
            assertFalse(BuildStamp.escape(s).contains(" ") || BuildStamp.escape(s).contains("\n"), s);
        }
    }
}
