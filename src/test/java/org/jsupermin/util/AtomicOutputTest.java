package org.jsupermin.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

    @TempDir
    Path tmp;

    @Test
    void replacesADirectoryAndLeavesNothingBeside() throws IOException {
        Path target = tmp.resolve("out");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old"), "old");
        AtomicOutput o = AtomicOutput.begin(target);
        Files.createDirectory(o.staging());
        Files.writeString(o.staging().resolve("new"), "new");
        assertTrue(Files.exists(target.resolve("old")), "previous output intact until commit");
        o.commit();
        assertTrue(Files.exists(target.resolve("new")));
        assertFalse(Files.exists(target.resolve("old")));
        assertEquals(1, count(tmp));
    }

    @Test
    void anOutputReplacesOnlyWhatIsOfItsOwnKind() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("d"));
        Path file = Files.writeString(tmp.resolve("f"), "x");
        Path link = Files.createSymbolicLink(tmp.resolve("l"), file);
        assertNull(AtomicOutput.whyNotReplaceable(tmp.resolve("absent"), false));
        assertNull(AtomicOutput.whyNotReplaceable(dir, true));
        assertNull(AtomicOutput.whyNotReplaceable(file, false));
        assertTrue(AtomicOutput.whyNotReplaceable(dir, false).contains("is a directory"));
        assertTrue(AtomicOutput.whyNotReplaceable(file, true).contains("is a regular file"));
        assertTrue(AtomicOutput.whyNotReplaceable(link, false).contains("is a symlink"));
        assertTrue(AtomicOutput.whyNotReplaceable(link, true).contains("is a symlink"));
    }

    @Test
    void abortKeepsThePreviousOutput() throws IOException {
        Path target = tmp.resolve("out.tar");
        Files.writeString(target, "previous");
        AtomicOutput o = AtomicOutput.begin(target);
        Files.writeString(o.staging(), "half");
        o.abort();
        assertEquals("previous", Files.readString(target));
        assertEquals(1, count(tmp));
    }

    @Test
    void leftoversOfADeadRunAreCleanedAndAnOrphanedOldCopyIsRestored() throws IOException {
        Path target = tmp.resolve("out");
        // a run killed between its two renames: the old copy is beside, the target is gone
        Path old = tmp.resolve(".out.jsupermin-old-999999999");
        Files.createDirectories(old);
        Files.writeString(old.resolve("f"), "kept");
        Path staging = tmp.resolve(".out.jsupermin-new-999999998");
        Files.createDirectories(staging.resolve("sub"));
        AtomicOutput.begin(target);
        assertEquals("kept", Files.readString(target.resolve("f")));
        assertFalse(Files.exists(staging));
        assertFalse(Files.exists(old));
    }

    @Test
    void readOnlyDirectoriesAreRemovable() throws IOException {
        Path target = tmp.resolve("out");
        Files.createDirectories(target.resolve("ro/sub"));
        Files.setAttribute(target.resolve("ro"), "unix:mode", 0555);
        AtomicOutput o = AtomicOutput.begin(target);
        Files.createDirectory(o.staging());
        o.commit();
        assertFalse(Files.exists(target.resolve("ro")));
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
