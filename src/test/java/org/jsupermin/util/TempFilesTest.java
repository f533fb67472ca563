package org.jsupermin.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the build writes beside its output, in a directory others may write to: names they could
 * have prepared as symlinks (the predictable names of earlier versions) must not lead anywhere.
 */
class TempFilesTest {

    @TempDir
    Path tmp;

    private Path canary() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("elsewhere"));
        return Files.writeString(dir.resolve("canary"), "precious\n");
    }

    @Test
    void randomNamesDiffer() throws IOException {
        String a = TempFiles.randomName();
        assertEquals(16, a.length());
        assertTrue(a.matches("[0-9a-f]{16}"), a);
        assertNotEquals(a, TempFiles.randomName());
    }

    @Test
    void replaceWritesThroughANewFileAndLeavesNothingBeside() throws IOException {
        Path target = tmp.resolve("out.txt");
        Files.writeString(target, "old");
        TempFiles.replace(target, "new\n".getBytes(StandardCharsets.UTF_8), "tmp");
        assertEquals("new\n", Files.readString(target));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(target), s.toList());
        }
    }

    @Test
    void replaceDoesNotFollowAPreparedSymlink() throws IOException {
        Path canary = canary();
        Path target = tmp.resolve("out.txt");
        Path oldName = tmp.resolve(".out.txt.tmp" + ProcessHandle.current().pid());
        Files.createSymbolicLink(oldName, canary);
        TempFiles.replace(target, "new\n".getBytes(StandardCharsets.UTF_8), "tmp");
        assertEquals("precious\n", Files.readString(canary));
        assertTrue(Files.isSymbolicLink(oldName));
        assertEquals("new\n", Files.readString(target));
    }

    @Test
    void theLockIsNeverTakenThroughASymlink() throws IOException {
        Path canary = canary();
        Path lock = tmp.resolve("supermin.lock");
        Files.createSymbolicLink(lock, canary);
        IOException e = assertThrows(IOException.class, () -> BuildLock.acquire(lock).close());
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals("precious\n", Files.readString(canary));

        Path dangling = tmp.resolve("dangling.lock");
        Path wouldBeCreated = tmp.resolve("elsewhere/created-by-the-lock");
        Files.createSymbolicLink(dangling, wouldBeCreated);
        assertThrows(IOException.class, () -> BuildLock.acquire(dangling).close());
        assertFalse(Files.exists(wouldBeCreated));
    }

    @Test
    void aLockFileIsCreatedAndReused() throws IOException {
        Path lock = tmp.resolve("supermin.lock");
        BuildLock.acquire(lock).close();
        assertTrue(Files.isRegularFile(lock));
        BuildLock.acquire(lock).close();
        Path dir = Files.createDirectory(tmp.resolve("dir.lock"));
        IOException e = assertThrows(IOException.class, () -> BuildLock.acquire(dir).close());
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void stagingAndOldCopiesHaveRandomNames() throws IOException {
        Path canaryDir = canary().getParent();
        Path target = tmp.resolve("out");
        Files.createDirectory(target);
        long pid = ProcessHandle.current().pid();
        Path staleNew = tmp.resolve(".out.jsupermin-new-" + pid);
        AtomicOutput first = AtomicOutput.begin(target);
        // prepared after begin() cleaned the leftovers: exactly the window an attacker would use
        Files.createSymbolicLink(staleNew, canaryDir);
        Files.createSymbolicLink(tmp.resolve(".out.jsupermin-old-" + pid), canaryDir);
        assertNotEquals(staleNew, first.staging());
        assertTrue(first.staging().getFileName().toString().endsWith("-" + pid), first.staging().toString());
        Files.createDirectory(first.staging());
        Files.writeString(first.staging().resolve("new"), "new");
        first.commit();
        assertEquals("new", Files.readString(target.resolve("new")));
        try (Stream<Path> s = Files.list(canaryDir)) {
            assertEquals(List.of(canaryDir.resolve("canary")), s.toList());
        }
        assertEquals("precious\n", Files.readString(canaryDir.resolve("canary")));
        assertNotEquals(AtomicOutput.begin(target).staging(), first.staging());
    }
}
