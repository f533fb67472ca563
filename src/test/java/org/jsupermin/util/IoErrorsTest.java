package org.jsupermin.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** I/O failures in words: the reason without the path, what to do for a full or limited disk, truncated archives. */
class IoErrorsTest {

    @TempDir
    Path tmp;

    @Test
    void theReasonNotThePath() {
        assertEquals("permission denied", IoErrors.describe(new AccessDeniedException("/x/y")));
        assertEquals("no such file or directory", IoErrors.describe(new NoSuchFileException("/x/y")));
        assertEquals("Too many levels of symbolic links",
                IoErrors.describe(new FileSystemException("/x", null, "Too many levels of symbolic links")));
        assertEquals("the file ends too early (it is truncated)", IoErrors.describe(new EOFException()));
    }

    @Test
    void aFullDiskOrAFileSizeLimitSaysWhatToDo() {
        IOException full = new IOException("No space left on device");
        assertTrue(IoErrors.isBareStorageError(full));
        assertTrue(IoErrors.describe(full).startsWith("no space left on the device; free some space"), IoErrors.describe(full));
        IOException large = new IOException("File too large");
        assertTrue(IoErrors.isBareStorageError(large));
        assertTrue(IoErrors.describe(large).contains("another filesystem"), IoErrors.describe(large));
        assertFalse(IoErrors.isBareStorageError(new IOException("writing /x: No space left on device")));
        assertFalse(IoErrors.isBareStorageError(new FileSystemException("/x", null, "No space left on device")));
        assertTrue(IoErrors.describe(new FileSystemException("/x", null, "No space left on device"))
                .startsWith("no space left on the device;"));
    }

    private Path gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(data);
        }
        return Files.write(tmp.resolve("data.gz"), b.toByteArray());
    }

    @Test
    void aTruncatedGzipFileSaysSo() throws IOException {
        byte[] data = new byte[300_000];
        new Random(9).nextBytes(data);
        Path whole = gzip(data);
        Path cut = Files.write(tmp.resolve("cut.gz"), Arrays.copyOf(Files.readAllBytes(whole), 100_000));
        IOException e = assertThrows(IOException.class, () -> {
            try (InputStream in = Compression.open(cut)) {
                in.readAllBytes();
            }
        });
        assertEquals("truncated gzip data: the archive is incomplete; rebuild or re-download it", e.getMessage());
        assertEquals(e.getMessage(), IoErrors.describe(e));
    }

    @Test
    void aDamagedGzipFileSaysSo() throws IOException {
        byte[] data = new byte[300_000];
        new Random(9).nextBytes(data);
        byte[] bytes = Files.readAllBytes(gzip(data));
        for (int i = 1000; i < 1100; i++) {
            bytes[i] = 0x55;
        }
        Path damaged = Files.write(tmp.resolve("damaged.gz"), bytes);
        IOException e = assertThrows(IOException.class, () -> {
            try (InputStream in = Compression.open(damaged)) {
                in.readAllBytes();
            }
        });
        assertTrue(e.getMessage().startsWith("corrupt gzip data (") && e.getMessage().endsWith("rebuild or re-download it"),
                e.getMessage());
    }

    /** A path past the system's limit, as a chroot's staging directory can make one: what to do, not the bare reason. */
    @Test
    void aNameTooLongSaysToShortenTheOutputsPath(@TempDir Path deepDir) {
        Path deep = deepDir;
        while (deep.toString().length() < 4200) {
            deep = deep.resolve("c".repeat(200));
        }
        Path tooLong = deep;
        IOException e = assertThrows(IOException.class, () -> Files.createDirectories(tooLong));
        assertEquals("file name too long: with the output's own path it passes the system's limit of 4095 bytes;"
                + " write the output to a shorter path", IoErrors.describe(e));
    }
}
