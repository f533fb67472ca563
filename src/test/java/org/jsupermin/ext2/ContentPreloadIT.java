package org.jsupermin.ext2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contents copied into an image before its tree is known: the files that take them over read
 * back right, contents no file takes (not in the tree, or changed size) leave free blocks that
 * e2fsck accepts, a tree needing another geometry gets a fresh image, and the same preload and
 * tree give the same bytes.
 */
class ContentPreloadIT {

    private static final long T = 1_600_000_000L;
    private static final long SIZE = 64L << 20;

    @TempDir
    Path tmp;

    /** Source files: small, needing indirect blocks, never in the tree, and one that grows. */
    private Map<String, Path> sources() throws Exception {
        Map<String, Path> s = new LinkedHashMap<>();
        s.put("small", write("small", Ext2ImageBuilderTest.pattern(10_000)));
        s.put("indirect", write("indirect", Ext2ImageBuilderTest.pattern(5 * 1024 * 1024 + 11)));
        s.put("unused", write("unused", Ext2ImageBuilderTest.pattern(300_000)));
        s.put("grows", write("grows", Ext2ImageBuilderTest.pattern(50_000)));
        s.put("late", write("late", Ext2ImageBuilderTest.pattern(70_000)));
        return s;
    }

    private Path write(String name, byte[] data) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("src"));
        return Files.write(dir.resolve(name), data);
    }

    /** An image of {@code size} holding /data with the files that take contents over: small, indirect, grows, late. */
    private static Ext2ImageBuilder dataTree(Map<String, Path> src, long size) throws Exception {
        Ext2ImageBuilder b = new Ext2ImageBuilder(Ext2Options.of(size, T));
        b.addDirectory("/data", InodeAttributes.of(0755, 0, 0, T));
        for (String f : new String[] {"small", "indirect", "grows", "late"}) {
            b.addFile("/data/" + f, InodeAttributes.of(0644, 0, 0, T), Files.size(src.get(f)),
                    ContentSupplier.ofFile(src.get(f)));
        }
        return b;
    }

    private Path build(String name, Map<String, Path> src, long size, int extraFiles) throws Exception {
        Path image = tmp.resolve(name);
        ContentPreload preload = ContentPreload.start(image, size);
        for (String f : new String[] {"small", "indirect", "unused", "grows"}) {
            assertTrue(preload.place(src.get(f), Files.size(src.get(f))), f);
        }
        assertEquals(4, preload.placedCount());
        // the file changes after it was copied: the image must hold the new content
        Files.write(src.get("grows"), Ext2ImageBuilderTest.pattern(60_000));

        Ext2ImageBuilder b = dataTree(src, size);
        b.addDirectory("/many", InodeAttributes.of(0755, 0, 0, T));
        for (int i = 0; i < extraFiles; i++) {
            b.addSymlink("/many/link-" + i, InodeAttributes.of(0777, 0, 0, T), "../data/small");
        }
        b.write(image, Reporter.SILENT, CompletableFuture.completedFuture(preload));
        return image;
    }

    private void assertContents(Path image, Map<String, Path> src) throws Exception {
        Tools.assertClean(image);
        Path out = Files.createDirectories(tmp.resolve("rdump-" + image.getFileName()));
        Tools.debugfs(image, "rdump /data " + out);
        for (String f : new String[] {"small", "indirect", "grows", "late"}) {
            assertArrayEquals(Files.readAllBytes(src.get(f)), Files.readAllBytes(out.resolve("data").resolve(f)), f);
        }
    }

    @Test
    void filesTakeOverTheirContentsAndUnusedOnesLeaveFreeBlocks() throws Exception {
        Map<String, Path> src = sources();
        Path image = build("preloaded.img", src, SIZE, 0);
        assertContents(image, src);

        // the same tree without a preload uses fewer blocks: the unused copies are free again
        Ext2ImageBuilder plain = dataTree(src, SIZE);
        plain.addDirectory("/many", InodeAttributes.of(0755, 0, 0, T));
        Path fresh = tmp.resolve("fresh.img");
        plain.write(fresh);
        assertEquals(freeBlocks(fresh), freeBlocks(image), "same free block count with and without the preload");
        assertNotEquals(sha256(fresh), sha256(image), "the preloaded contents sit elsewhere in the image");
    }

    @Test
    void theSamePreloadAndTreeGiveTheSameBytes() throws Exception {
        Map<String, Path> src = sources();
        String first = sha256(build("one.img", src, SIZE, 0));
        src = sources();
        String second = sha256(build("two.img", src, SIZE, 0));
        assertEquals(first, second);
    }

    @Test
    void aTreeNeedingMoreInodesThanTheSizeSuggestsGetsAFreshImage() throws Exception {
        Map<String, Path> src = sources();
        // 16 MiB suggest 1,024 inodes; 900 links need 1,800 with room to grow: another geometry
        Path image = build("fallback.img", src, 16L << 20, 900);
        assertContents(image, src);
        assertTrue(Tools.debugfs(image, "ls /many").contains("link-899"));
    }

    /** The tree of {@link #build} without the extra links, contents reserved (or placed) ahead. */
    private Path buildAhead(String name, Map<String, Path> src, boolean reserve) throws Exception {
        Path image = tmp.resolve(name);
        ContentPreload preload = ContentPreload.start(image, SIZE);
        for (String f : new String[] {"small", "indirect", "unused", "grows"}) {
            long size = Files.size(src.get(f));
            assertTrue(reserve ? preload.reserve(src.get(f), size) : preload.place(src.get(f), size), f);
        }
        Ext2ImageBuilder b = dataTree(src, SIZE);
        // the copies run beside the writer, as in a build
        Thread copying = new Thread(preload::copyReserved, "copy-reserved");
        copying.start();
        try {
            b.write(image, Reporter.SILENT, CompletableFuture.completedFuture(preload));
        } finally {
            copying.join();
            preload.close();
        }
        return image;
    }

    @Test
    void reservedContentsCopiedBesideTheWriterGiveTheImageThatPlacedOnesGive() throws Exception {
        Map<String, Path> src = sources();
        Path reserved = buildAhead("reserved.img", src, true);
        assertContents(reserved, src);
        Path placed = buildAhead("placed.img", src, false);
        assertEquals(sha256(placed), sha256(reserved));
    }

    @Test
    void aReservedContentThatChangesBeforeItIsCopiedFailsTheImageNamingIt() throws Exception {
        Map<String, Path> src = sources();
        Path image = tmp.resolve("changed.img");
        ContentPreload preload = ContentPreload.start(image, SIZE);
        assertTrue(preload.reserve(src.get("small"), Files.size(src.get("small"))));
        assertTrue(preload.reserve(src.get("grows"), Files.size(src.get("grows"))));
        Ext2ImageBuilder b = new Ext2ImageBuilder(Ext2Options.of(SIZE, T));
        for (String f : new String[] {"small", "grows"}) {
            b.addFile("/" + f, InodeAttributes.of(0644, 0, 0, T), Files.size(src.get(f)), ContentSupplier.ofFile(src.get(f)));
        }
        Files.write(src.get("grows"), Ext2ImageBuilderTest.pattern(60_000));
        preload.copyReserved();
        IOException e = assertThrows(IOException.class,
                () -> b.write(image, Reporter.SILENT, CompletableFuture.completedFuture(preload)));
        assertTrue(e.getMessage().contains(src.get("grows").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("60000 bytes, 50000 expected"), e.getMessage());
        assertTrue(Files.notExists(image), "no half-written image is left");
        preload.close();
    }

    private static long freeBlocks(Path image) throws Exception {
        String out = Tools.run("dumpe2fs", "-h", image.toString()).output();
        Matcher m = Pattern.compile("Free blocks:\\s+(\\d+)").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
