package org.jsupermin.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jsupermin.testing.RawTarReader;
import org.jsupermin.testing.SampleTree;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TarFormat against Commons Compress and an independent raw PAX reader. */
class TarFormatTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private FormatContext context(ApplianceTree tree, String compression) {
        Reporter r = new Reporter() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        return FormatContext.of(tree, compression == null ? FormatOptions.NONE
                : FormatOptions.of(TarFormat.COMPRESSION, compression), r);
    }

    private byte[] tarBytes(ApplianceTree tree) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TarFormat().writeTo(context(tree, null), out);
        return out.toByteArray();
    }

    @Test
    void everyEntryTypeReadsBackWithCommonsCompress() throws Exception {
        byte[] tar = tarBytes(SampleTree.tree(dir));
        assertEquals(0, tar.length % 10240, "whole 10240-byte records");
        Map<String, TarArchiveEntry> byName = new LinkedHashMap<>();
        Map<String, String> digests = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new java.io.ByteArrayInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                byName.put(e.getName(), e);
                digests.put(e.getName(), sha256(in));
            }
        }
        List<String> names = new ArrayList<>(byName.keySet());
        assertEquals("./", names.get(0));
        assertEquals("./bin", names.get(1));
        assertTrue(names.indexOf("./usr/") < names.indexOf("./usr/bin/"));
        assertTrue(names.indexOf("./usr/bin/a-link") < names.indexOf("./usr/bin/b-link"));
        assertTrue(!names.contains("./dev/log"), "sockets are left out");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("/dev/log"), warnings.toString());
        for (TarArchiveEntry e : byName.values()) {
            assertEquals("", e.getUserName(), e.getName());
            assertEquals("", e.getGroupName(), e.getName());
            assertEquals(SampleTree.MTIME, e.getLastModifiedTime().toMillis() / 1000 + offset(e.getName()));
        }

        TarArchiveEntry root = byName.get("./");
        assertTrue(root.isDirectory());
        assertEquals(0755, root.getMode() & 07777);
        assertEquals("usr/bin", byName.get("./bin").getLinkName());
        assertTrue(byName.get("./bin").isSymbolicLink());

        TarArchiveEntry nul = byName.get("./dev/null");
        assertTrue(nul.isCharacterDevice());
        assertEquals(1, nul.getDevMajor());
        assertEquals(3, nul.getDevMinor());
        TarArchiveEntry sda = byName.get("./dev/sda");
        assertTrue(sda.isBlockDevice());
        assertEquals(8, sda.getDevMajor());
        assertTrue(byName.get("./dev/initctl").isFIFO());

        assertEquals(04755, byName.get("./usr/bin/su").getMode() & 07777);
        assertEquals(01777, byName.get("./tmp/").getMode() & 07777);
        assertEquals(02775, byName.get("./usr/local/").getMode() & 07777);
        assertEquals(50, byName.get("./usr/local/").getLongGroupId());
        TarArchiveEntry notes = byName.get("./home/user/notes");
        assertEquals(1000, notes.getLongUserId());
        assertEquals(1000, notes.getLongGroupId());
        TarArchiveEntry bigOwner = byName.get("./home/big-owner");
        assertEquals(3_000_000, bigOwner.getLongUserId());
        assertEquals(3_000_001, bigOwner.getLongGroupId());

        TarArchiveEntry b = byName.get("./usr/bin/b-link");
        assertTrue(b.isLink());
        assertEquals("./usr/bin/a-link", b.getLinkName());
        assertEquals(0, b.getSize());
        assertEquals(7, byName.get("./usr/bin/a-link").getSize());

        String longName = "." + SampleTree.LONG_NAME;
        assertTrue(longName.length() > 200);
        assertTrue(byName.containsKey(longName), names.toString());
        assertEquals(SampleTree.LONG_TARGET, byName.get("./usr/lib/long-link").getLinkName());
        assertTrue(byName.containsKey("." + SampleTree.ODD_NAME));

        TarArchiveEntry big = byName.get("./usr/lib/big.bin");
        assertEquals(SampleTree.BIG_SIZE, big.getSize());
        try (InputStream in = Files.newInputStream(dir.resolve("big.bin"))) {
            assertEquals(sha256(in), digests.get("./usr/lib/big.bin"));
        }
    }

    private static long offset(String name) {
        return name.equals("./home/user/notes") ? 5 : name.equals("./usr/share/ro/") ? 100 : 0;
    }

    @Test
    void binaryCapabilitySurvivesInRawPaxRecords() throws Exception {
        byte[] tar = tarBytes(SampleTree.tree(dir));
        List<RawTarReader.Member> members = RawTarReader.read(new java.io.ByteArrayInputStream(tar));
        RawTarReader.Member ping = members.stream().filter(m -> m.name().equals("./usr/bin/ping")).findFirst()
                .orElseThrow();
        assertArrayEquals(SampleTree.CAPABILITY, ping.xattr("security.capability"));
        assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), ping.xattr("user.comment"));
        assertEquals("ping\n", new String(ping.content(), StandardCharsets.US_ASCII));
        RawTarReader.Member su = members.stream().filter(m -> m.name().equals("./usr/bin/su")).findFirst()
                .orElseThrow();
        assertNull(su.xattr("security.capability"));
        assertTrue(su.pax().isEmpty(), "short entries need no PAX header");
        RawTarReader.Member deep = members.stream().filter(m -> m.name().equals("." + SampleTree.LONG_NAME))
                .findFirst().orElseThrow();
        assertEquals("deep\n", new String(deep.content(), StandardCharsets.US_ASCII));
    }

    @Test
    void sameTreeTwiceAndShuffledGivesIdenticalBytes() throws Exception {
        byte[] first = tarBytes(SampleTree.tree(dir));
        assertArrayEquals(first, tarBytes(SampleTree.tree(dir)));
        assertArrayEquals(first, tarBytes(SampleTree.shuffledTree(dir, 1)));
        assertArrayEquals(first, tarBytes(SampleTree.shuffledTree(dir, 2)));
        Path staged = dir.resolve("out.tar");
        new TarFormat().write(context(SampleTree.shuffledTree(dir, 3), null), staged);
        assertArrayEquals(first, Files.readAllBytes(staged));
    }

    @Test
    void hostFileThatChangedSizeIsNamed() throws Exception {
        Path host = dir.resolve("grew");
        Files.writeString(host, "longer than declared");
        ApplianceTree tree = ApplianceTree.of(List.of(TreeEntry.directory("/", 0755, 0),
                TreeEntry.file("/grew", 0644, 0, 4, new ContentSource.HostFile(host))));
        FormatException e = assertThrows(FormatException.class,
                () -> new TarFormat().writeTo(context(tree, null), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains(host.toString()), e.getMessage());
        ApplianceTree shrank = ApplianceTree.of(List.of(TreeEntry.directory("/", 0755, 0),
                TreeEntry.file("/grew", 0644, 0, 400, new ContentSource.HostFile(host))));
        e = assertThrows(FormatException.class,
                () -> new TarFormat().writeTo(context(shrank, null), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("read 20"), e.getMessage());
    }

    @Test
    void aFailingOutputStopsThePreparingThreadToo() throws Exception {
        // far more than the chunks that may wait: the preparing thread must not stay blocked
        List<TreeEntry> entries = new ArrayList<>(List.of(TreeEntry.directory("/", 0755, 0)));
        byte[] data = new byte[100_000];
        for (int i = 0; i < 200; i++) {
            entries.add(TreeEntry.file("/f" + i, 0644, 0, data.length, new ContentSource.Bytes(data, "f" + i)));
        }
        java.io.OutputStream failing = new java.io.OutputStream() {
            private long n;

            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                n += len;
                if (n > 1_000_000) {
                    throw new java.io.IOException("disk full");
                }
            }
        };
        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> new TarFormat().writeTo(context(ApplianceTree.of(entries), null), failing));
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("tar-prepare")),
                "the preparing thread has ended");
    }

    @Test
    void bigHostFilesCopiedByTheKernelGiveTheSameBytesAsTheStream() throws Exception {
        byte[] big = new byte[(int) TarFormat.TRANSFER_MIN * 3 + 123];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + 7);
        }
        Path host = dir.resolve("big");
        Files.write(host, big);
        ApplianceTree tree = ApplianceTree.of(List.of(TreeEntry.directory("/", 0755, 0),
                TreeEntry.file("/a", 0644, 0, big.length, new ContentSource.HostFile(host)),
                TreeEntry.file("/b", 0644, 0, 3, new ContentSource.Bytes(new byte[] {1, 2, 3}, "b")),
                TreeEntry.file("/c", 0644, 0, big.length, new ContentSource.HostFile(host))));
        Path staged = dir.resolve("out.tar");
        new TarFormat().write(context(tree, null), staged);
        assertArrayEquals(tarBytes(tree), Files.readAllBytes(staged));
    }

    @Test
    void hostFilesEndingAnywhereInTheBuffersReadBackWhole() throws Exception {
        // sizes around the chunks the contents are read into: a file can fill a chunk exactly,
        // stop one byte short of its end or one past, and span several chunks
        java.util.Random random = new java.util.Random(42);
        List<TreeEntry> entries = new java.util.ArrayList<>(List.of(TreeEntry.directory("/", 0755, 0)));
        Map<String, byte[]> contents = new LinkedHashMap<>();
        int chunk = TarPipeline.CHUNK;
        int[] sizes = {0, 1, 511, 512, 513, 16383, 16384, 130_000, chunk - 1025, chunk - 1024, chunk - 1023, chunk - 1,
            chunk, chunk + 1,
            (int) TarFormat.TRANSFER_MIN - 1, (int) TarFormat.TRANSFER_MIN, 2 * chunk + 600_000};
        for (int i = 0; i < 60; i++) {
            int size = i < sizes.length ? sizes[i] : random.nextInt(20_000);
            byte[] data = new byte[size];
            random.nextBytes(data);
            String name = String.format("/f%03d", i);
            Files.write(dir.resolve(name.substring(1)), data);
            contents.put("." + name, data);
            entries.add(TreeEntry.file(name, 0644, 0, size, new ContentSource.HostFile(dir.resolve(name.substring(1)))));
        }
        ApplianceTree tree = ApplianceTree.of(entries);
        byte[] streamed = tarBytes(tree);
        Map<String, byte[]> read = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new java.io.ByteArrayInputStream(streamed))) {
            for (TarArchiveEntry e = in.getNextTarEntry(); e != null; e = in.getNextTarEntry()) {
                if (e.isFile()) {
                    read.put(e.getName(), in.readAllBytes());
                }
            }
        }
        assertEquals(contents.keySet(), read.keySet());
        for (Map.Entry<String, byte[]> c : contents.entrySet()) {
            assertArrayEquals(c.getValue(), read.get(c.getKey()), c.getKey());
        }
        Path staged = dir.resolve("mixed.tar");
        new TarFormat().write(context(tree, null), staged);
        assertArrayEquals(streamed, Files.readAllBytes(staged), "kernel copies and reads give the same bytes");
    }

    @Test
    void bigHostFileThatChangedSizeIsNamedWhenCopiedByTheKernel() throws Exception {
        Path host = dir.resolve("grew");
        int size = (int) TarFormat.TRANSFER_MIN * 2;
        Files.write(host, new byte[size + 1]);
        ApplianceTree grew = ApplianceTree.of(List.of(TreeEntry.directory("/", 0755, 0),
                TreeEntry.file("/grew", 0644, 0, size, new ContentSource.HostFile(host))));
        FormatException e = assertThrows(FormatException.class,
                () -> new TarFormat().write(context(grew, null), dir.resolve("1.tar")));
        assertTrue(e.getMessage().contains(host + " changed size") && e.getMessage().contains("read more than " + size),
                e.getMessage());
        ApplianceTree shrank = ApplianceTree.of(List.of(TreeEntry.directory("/", 0755, 0),
                TreeEntry.file("/grew", 0644, 0, size + 100, new ContentSource.HostFile(host))));
        e = assertThrows(FormatException.class,
                () -> new TarFormat().write(context(shrank, null), dir.resolve("2.tar")));
        assertTrue(e.getMessage().contains("read " + (size + 1) + ")"), e.getMessage());
    }

    static String sha256(InputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[65536];
        int n;
        while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
