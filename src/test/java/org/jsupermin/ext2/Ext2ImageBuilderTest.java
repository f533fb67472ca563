package org.jsupermin.ext2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ext2ImageBuilderTest {

    private static final long T = 1_600_000_000L;

    @TempDir
    Path tmp;

    @Test
    void sameEntriesInAnyOrderGiveTheSameBytes() throws Exception {
        List<Consumer<Ext2ImageBuilder>> adds = entries();
        byte[] first = build(adds, "a.img");
        Collections.shuffle(adds, new Random(42));
        byte[] second = build(adds, "b.img");
        Collections.reverse(adds);
        byte[] third = build(adds, "c.img");
        assertArrayEquals(first, second);
        assertArrayEquals(first, third);
        assertEquals(32L << 20, Files.size(tmp.resolve("a.img")));
    }

    @Test
    void differentContentGivesADifferentUuid() throws Exception {
        List<Consumer<Ext2ImageBuilder>> adds = entries();
        byte[] first = build(adds, "a.img");
        adds.add(b -> b.addFile("/extra", InodeAttributes.of(0644, 0, 0, T), 1, () -> new ByteArrayInputStream(new byte[] {1})));
        build(adds, "b.img");
        byte[] a = Files.readAllBytes(tmp.resolve("a.img"));
        byte[] b = Files.readAllBytes(tmp.resolve("b.img"));
        assertNotEquals(java.util.Arrays.toString(java.util.Arrays.copyOfRange(a, 1024 + 104, 1024 + 120)),
                java.util.Arrays.toString(java.util.Arrays.copyOfRange(b, 1024 + 104, 1024 + 120)));
        assertFalse(java.util.Arrays.equals(first, MessageDigest.getInstance("SHA-256").digest(b)));
        assertEquals(a.length, b.length);
    }

    @Test
    void tooSmallNamesTheFileAndASizeThatFits() throws Exception {
        Ext2ImageBuilder b = new Ext2ImageBuilder(Ext2Options.of(4L << 20, T));
        b.addDirectory("/usr", InodeAttributes.of(0755, 0, 0, T));
        b.addFile("/usr/small", InodeAttributes.of(0644, 0, 0, T), 1000, () -> new ByteArrayInputStream(pattern(1000)));
        b.addFile("/usr/big", InodeAttributes.of(0644, 0, 0, T), 10 << 20, () -> new ByteArrayInputStream(pattern(10 << 20)));
        Path image = tmp.resolve("small.img");
        Ext2Exception e = assertThrows(Ext2Exception.class, () -> b.write(image));
        assertTrue(e.getMessage().startsWith("image too small: /usr/big needs "), e.getMessage());
        assertTrue(e.getMessage().matches(".*needs [0-9]+ MiB more; use --size [0-9]+M or more"), e.getMessage());
        assertFalse(Files.exists(image), "a failed image is removed");
        String suggested = e.getMessage().replaceAll(".*--size ([0-9]+)M.*", "$1");
        Ext2ImageBuilder retry = new Ext2ImageBuilder(Ext2Options.of(Long.parseLong(suggested) << 20, T));
        retry.addDirectory("/usr", InodeAttributes.of(0755, 0, 0, T));
        retry.addFile("/usr/small", InodeAttributes.of(0644, 0, 0, T), 1000, () -> new ByteArrayInputStream(pattern(1000)));
        retry.addFile("/usr/big", InodeAttributes.of(0644, 0, 0, T), 10 << 20, () -> new ByteArrayInputStream(pattern(10 << 20)));
        retry.write(image);
        assertTrue(Files.exists(image));
    }

    @Test
    void tooManyInodesIsReportedBeforeWriting() {
        Ext2ImageBuilder b = new Ext2ImageBuilder(Ext2Options.of(1L << 20, T));
        for (int i = 0; i < 3000; i++) {
            b.addFifo("/f" + i, InodeAttributes.of(0644, 0, 0, T));
        }
        Ext2Exception e = assertThrows(Ext2Exception.class, () -> b.write(tmp.resolve("x.img")));
        assertTrue(e.getMessage().startsWith("image too small: the directory tree"), e.getMessage());
    }

    @Test
    void rejectsInconsistentEntries() {
        Ext2ImageBuilder b = new Ext2ImageBuilder(Ext2Options.of(8L << 20, T));
        b.addFifo("/missing/parent", InodeAttributes.of(0644, 0, 0, T));
        Ext2Exception e = assertThrows(Ext2Exception.class, () -> b.write(tmp.resolve("x.img")));
        assertTrue(e.getMessage().contains("/missing was not added as a directory"), e.getMessage());
        Ext2ImageBuilder c = new Ext2ImageBuilder(Ext2Options.of(8L << 20, T));
        c.addHardLink("/link", "/nowhere");
        e = assertThrows(Ext2Exception.class, () -> c.write(tmp.resolve("x.img")));
        assertTrue(e.getMessage().contains("/nowhere, which was not added"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.addFifo("relative", InodeAttributes.of(0, 0, 0, T)));
        assertThrows(IllegalArgumentException.class, () -> c.addHardLink("/link", "/other"));
    }

    @Test
    void shortContentIsAnError() {
        Ext2ImageBuilder b = new Ext2ImageBuilder(Ext2Options.of(8L << 20, T));
        b.addFile("/f", InodeAttributes.of(0644, 0, 0, T), 100, () -> new ByteArrayInputStream(new byte[10]));
        Ext2Exception e = assertThrows(Ext2Exception.class, () -> b.write(tmp.resolve("x.img")));
        assertTrue(e.getMessage().contains("content of /f ended after 10 bytes"), e.getMessage());
    }

    private byte[] build(List<Consumer<Ext2ImageBuilder>> adds, String name) throws Exception {
        Ext2ImageBuilder b = new Ext2ImageBuilder(Ext2Options.of(32L << 20, T));
        adds.forEach(a -> a.accept(b));
        Path image = tmp.resolve(name);
        b.write(image);
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(image));
    }

    private static List<Consumer<Ext2ImageBuilder>> entries() {
        List<Consumer<Ext2ImageBuilder>> adds = new ArrayList<>();
        adds.add(b -> b.addDirectory("/etc", InodeAttributes.of(0755, 0, 0, T)));
        adds.add(b -> b.addDirectory("/usr", InodeAttributes.of(0755, 0, 0, T)));
        adds.add(b -> b.addDirectory("/usr/bin", InodeAttributes.of(0755, 0, 0, T)));
        for (int i = 0; i < 50; i++) {
            String path = "/usr/bin/tool" + i;
            int size = i * 1000;
            adds.add(b -> b.addFile(path, InodeAttributes.of(0755, 0, 0, T), size, () -> new ByteArrayInputStream(pattern(size))));
        }
        adds.add(b -> b.addHardLink("/usr/bin/alias", "/usr/bin/tool3"));
        adds.add(b -> b.addSymlink("/etc/mtab", InodeAttributes.of(0777, 0, 0, T), "../proc/self/mounts"));
        adds.add(b -> b.addFifo("/etc/fifo", InodeAttributes.of(0600, 0, 0, T)));
        return adds;
    }

    static byte[] pattern(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 131 + i / 4096 + 1);
        }
        return b;
    }
}
