package org.jsupermin.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each input file's kind is decided by its (decompressed) content, several of each are merged. */
class ManifestReaderTest {

    @TempDir
    Path dir;

    @Test
    void sniffsEveryKindAndMergesInSortedOrder() throws Exception {
        Files.writeString(dir.resolve("packages"), "coreutils\nbash\n");
        Files.write(dir.resolve("more.gz"), gzip("zlib1g\nbash\n"));
        Files.write(dir.resolve("hostfiles.xz"), xz("/etc/ld.so.cache\n/lib/lsb/*\n"));
        Files.writeString(dir.resolve("excludefiles"), "-/usr/share/doc/*\n-/lib/firmware/*\n");
        Files.writeString(dir.resolve("empty"), "");
        Path base = dir.resolve("base.tar.gz");
        try (OutputStream out = Files.newOutputStream(base)) {
            ManifestWriter.writeBaseImage(out, List.of(new BaseFile("/etc/x", 0644, null, "x".getBytes())), 0);
        }
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/packages"), "mawk\n");

        Manifest m = ManifestReader.read(List.of(dir));

        assertEquals(List.of("bash", "coreutils", "mawk", "zlib1g"), m.packages());
        assertEquals(List.of("/etc/ld.so.cache", "/lib/lsb/*"), m.hostfiles());
        assertEquals(List.of("/usr/share/doc/*", "/lib/firmware/*"), m.excludes());
        assertEquals(List.of(base), m.baseImages());
        assertEquals(7, m.inputFiles().size());
    }

    @Test
    void concatenatedGzipMembersReadAsOneFile() throws Exception {
        byte[] first = gzip("coreutils\nba");
        byte[] second = gzip("sh\nzlib1g\n");
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        Files.write(dir.resolve("packages.gz"), both);
        assertEquals(List.of("bash", "coreutils", "zlib1g"), ManifestReader.read(List.of(dir)).packages());
    }

    @Test
    void unknownContentIsAnErrorNamingTheFile() throws IOException {
        Path f = dir.resolve("weird");
        Files.writeString(f, "#!/bin/sh\n");
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(List.of(dir)));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void binaryDataStartingWithALetterIsNoPackageListAndIsNotEchoed() throws IOException {
        byte[] junk = new byte[5000];
        new java.util.Random(3).nextBytes(junk);
        junk[0] = 'a';
        junk[1] = '\n';
        for (int i = 2; i < junk.length; i++) {
            if (junk[i] == '\n' || junk[i] == 0) {
                junk[i] = 1;
            }
        }
        Files.write(dir.resolve("junk"), junk);
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(List.of(dir)));
        assertTrue(e.getMessage().contains("is not a package name"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage().length() + " characters");
        assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)),
                "control characters are escaped: " + e.getMessage());
    }

    @Test
    void aTruncatedGzipInputSaysSo() throws IOException {
        byte[] whole = gzip("bash\n".repeat(50_000));
        Files.write(dir.resolve("packages.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(List.of(dir)));
        assertEquals("reading " + dir.resolve("packages.gz") + ": truncated gzip data: the archive is incomplete;"
                + " rebuild or re-download it", e.getMessage());
    }

    @Test
    void anExcludefilesLineIsShownShort() throws IOException {
        Files.writeString(dir.resolve("excludefiles"), "-/a\n" + "x".repeat(3000) + "\u0007\n");
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(List.of(dir)));
        assertTrue(e.getMessage().length() < 250, e.getMessage());
    }

    @Test
    void excludefilesLineWithoutDashIsAnError() throws IOException {
        Files.writeString(dir.resolve("excludefiles"), "-/usr/share/doc/*\n/usr/share/man/*\n");
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(List.of(dir)));
        assertTrue(e.getMessage().contains("/usr/share/man/*"), e.getMessage());
    }

    @Test
    void aCompressedTextFileThatExpandsBeyondTheLimitIsRefusedNotHeldWhole() throws IOException {
        // a small gzip bomb: a package list that decompresses to just over the limit
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream g = new GzipCompressorOutputStream(b)) {
            g.write("bash\n".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i <= ManifestReader.MAX_TEXT_BYTES >> 20; i++) {
                g.write(spaces);
            }
        }
        Files.write(dir.resolve("packages.gz"), b.toByteArray());
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(List.of(dir)));
        assertTrue(e.getMessage().startsWith(dir.resolve("packages.gz") + ": more than 64 MiB"), e.getMessage());
    }

    @Test
    void baseImageIsByteIdenticalAcrossRunsAndInputOrder() throws Exception {
        List<BaseFile> a = List.of(new BaseFile("/etc/b", 0644, null, "b".getBytes()),
                new BaseFile("/etc/a/x", 0600, null, "x".getBytes()), new BaseFile("/etc/l", 0777, "b", new byte[0]));
        List<BaseFile> b = List.of(a.get(2), a.get(0), a.get(1));
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        ManifestWriter.writeBaseImage(one, a, 946684800L);
        ManifestWriter.writeBaseImage(two, b, 946684800L);
        assertEquals(java.util.HexFormat.of().formatHex(one.toByteArray()), java.util.HexFormat.of().formatHex(two.toByteArray()));
    }

    private static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream g = new GzipCompressorOutputStream(b)) {
            g.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    private static byte[] xz(String s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (XZCompressorOutputStream x = new XZCompressorOutputStream(b)) {
            x.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    /** A FIFO would block the build and a device such as /dev/zero never end: both refused before any reading. */
    @Test
    void aFifoOrADeviceIsRefusedUnread() throws Exception {
        Path fifo = dir.resolve("base.tar");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(List.of(dir)));
        assertEquals(fifo + ": not a regular file or directory (a FIFO, socket or device); a supermin appliance"
                + " holds files and directories only: remove it from the input", e.getMessage());
        Files.delete(fifo);
        Files.createSymbolicLink(dir.resolve("zero.tar"), Path.of("/dev/zero"));
        e = assertThrows(ManifestException.class, () -> ManifestReader.read(List.of(dir)));
        assertTrue(e.getMessage().startsWith(dir.resolve("zero.tar") + ": not a regular file or directory"), e.getMessage());
    }

    /** A link back to a directory being walked is refused in one short line, not walked until the path is too long. */
    @Test
    void aSymlinkLoopIsRefusedNamingTheDirectory() throws Exception {
        Files.writeString(dir.resolve("packages"), "bash\n");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Files.createSymbolicLink(sub.resolve("up"), Path.of(".."));
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(List.of(dir)));
        assertEquals(sub.resolve("up") + ": the directory " + dir + " again, through a symbolic link (a loop);"
                + " remove that link from the supermin appliance", e.getMessage());
        // the same directory twice, but not inside itself, is no loop
        Files.delete(sub.resolve("up"));
        Path other = Files.createDirectory(dir.resolveSibling(dir.getFileName() + "-other"));
        Files.writeString(other.resolve("more"), "zlib1g\n");
        Files.createSymbolicLink(dir.resolve("a"), other);
        Files.createSymbolicLink(dir.resolve("b"), other);
        assertEquals(List.of("bash", "zlib1g"), ManifestReader.read(List.of(dir)).packages());
    }

    @Test
    void aDanglingSymlinkIsNamedAsOne() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("base.tar.gz"), dir.resolve("missing"));
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(List.of(dir)));
        assertEquals(link + ": a symbolic link to a missing file; remove the link or restore what it points to",
                e.getMessage());
    }
}
