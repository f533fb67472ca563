package org.jsupermin.ext2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds an image holding every kind of entry and checks it with the real e2fsprogs:
 * e2fsck -fn finds nothing, debugfs rdump gives back contents, modes, owners and link targets,
 * debugfs stat shows link counts, devices, xattrs and a sparse 5 GiB file using a few blocks.
 */
class Ext2ImageIT {

    private static final long T = 1_600_000_000L;
    private static final long HUGE = 5L << 30;
    private static final byte[] CAP = {1, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final String SLOW_TARGET = "../" + "long-directory-name/".repeat(10) + "target";

    @TempDir
    static Path tmp;
    static Path huge;
    /** Expected regular-file contents by path (small enough to keep). */
    static final Map<String, byte[]> contents = new TreeMap<>();

    @BeforeAll
    static void makeSparseSource() throws Exception {
        huge = tmp.resolve("huge.src");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(HUGE);
            f.seek(0);
            f.write("start".getBytes());
            f.seek(HUGE / 2);
            f.write("middle".getBytes());
            f.seek(HUGE - 3);
            f.write("end".getBytes());
        }
        contents.put("/data/empty", new byte[0]);
        contents.put("/data/small", "small file\n".getBytes());
        contents.put("/data/large", Ext2ImageBuilderTest.pattern(3 * 1024 * 1024 + 123));
        contents.put("/data/double-indirect", Ext2ImageBuilderTest.pattern(5 * 1024 * 1024 + 7));
        byte[] holey = Ext2ImageBuilderTest.pattern(20 * 4096);
        java.util.Arrays.fill(holey, 4096, 15 * 4096, (byte) 0);
        contents.put("/data/holey", holey);
        contents.put("/bin/suid", "#!/bin/sh\n".getBytes());
        contents.put("/bin/sgid", "#!/bin/sh\n".getBytes());
        contents.put("/bin/ping", "ping".getBytes());
        contents.put("/home/user/owned", "mine".getBytes());
        contents.put("/data/xattr1", "x1".getBytes());
        contents.put("/data/xattr2", "x2".getBytes());
    }

    private static List<Consumer<Ext2ImageBuilder>> scene() {
        List<Consumer<Ext2ImageBuilder>> adds = new ArrayList<>();
        for (String dir : new String[] {"/bin", "/data", "/dev", "/links", "/sparse", "/home", "/many"}) {
            adds.add(b -> b.addDirectory(dir, InodeAttributes.of(0755, 0, 0, T)));
        }
        adds.add(b -> b.addDirectory("/tmp", InodeAttributes.of(01777, 0, 0, T)));
        adds.add(b -> b.addDirectory("/home/user", InodeAttributes.of(0700, 1000, 1000, T)));
        Map<String, Integer> modes = Map.of("/bin/suid", 04755, "/bin/sgid", 02755, "/bin/ping", 0755);
        for (Map.Entry<String, byte[]> c : contents.entrySet()) {
            String p = c.getKey();
            byte[] data = c.getValue();
            int mode = modes.getOrDefault(p, 0644);
            int owner = p.startsWith("/home/user") ? 70000 : 0;
            TreeMap<String, byte[]> x = new TreeMap<>();
            if (p.equals("/bin/ping")) {
                x.put("security.capability", CAP);
            }
            if (p.startsWith("/data/xattr")) {
                x.put("user.big", "v".repeat(500).getBytes());
                x.put("security.capability", CAP);
            }
            adds.add(b -> b.addFile(p, new InodeAttributes(mode, owner, owner + 10000, T, x), data.length,
                    () -> new ByteArrayInputStream(data)));
        }
        adds.add(b -> b.addFile("/sparse/huge", InodeAttributes.of(0644, 0, 0, T), HUGE, () -> Files.newInputStream(huge)));
        for (int i = 0; i < 2000; i++) {
            String p = String.format("/many/entry-with-a-longer-name-%04d", i);
            adds.add(b -> b.addFifo(p, InodeAttributes.of(0600, 0, 0, T)));
        }
        adds.add(b -> b.addHardLink("/links/hard", "/data/small"));
        adds.add(b -> b.addHardLink("/data/hard-again", "/links/hard"));
        adds.add(b -> b.addSymlink("/links/fast", InodeAttributes.of(0777, 0, 0, T), "../data/small"));
        adds.add(b -> b.addSymlink("/links/slow", InodeAttributes.of(0777, 0, 0, T), SLOW_TARGET));
        adds.add(b -> b.addDevice("/dev/null", FileType.CHAR_DEVICE, InodeAttributes.of(0666, 0, 0, T), 1, 3));
        adds.add(b -> b.addDevice("/dev/sda", FileType.BLOCK_DEVICE, InodeAttributes.of(0660, 0, 6, T), 8, 0));
        adds.add(b -> b.addDevice("/dev/wide", FileType.CHAR_DEVICE, InodeAttributes.of(0600, 0, 0, T), 300, 70000));
        adds.add(b -> b.addFifo("/dev/fifo", InodeAttributes.of(0600, 0, 0, T)));
        adds.add(b -> b.addSocket("/dev/sock", InodeAttributes.of(0755, 0, 0, T)));
        return adds;
    }

    private static Path build(List<Consumer<Ext2ImageBuilder>> adds, String name) throws Exception {
        Ext2ImageBuilder b = new Ext2ImageBuilder(new Ext2Options(96L << 20, T, null, "jsupermin"));
        adds.forEach(a -> a.accept(b));
        Path image = tmp.resolve(name);
        b.write(image);
        return image;
    }

    @Test
    void e2fsckFindsNothingAndDebugfsGivesEverythingBack() throws Exception {
        Path image = build(scene(), "scene.img");
        Tools.assertClean(image);

        Path out = Files.createDirectory(tmp.resolve("rdump"));
        Tools.debugfs(image, "rdump /bin /data /links /home /tmp " + out);
        boolean root = "0".equals(Tools.run("id", "-u").output().trim());
        for (Map.Entry<String, byte[]> c : contents.entrySet()) {
            Path f = out.resolve(c.getKey().substring(1));
            assertArrayEquals(c.getValue(), Files.readAllBytes(f), c.getKey());
            int expected = Map.of("/bin/suid", 04755, "/bin/sgid", 02755, "/bin/ping", 0755).getOrDefault(c.getKey(), 0644);
            if (expected > 0777) {
                // debugfs chowns after chmod, which clears setuid/setgid on the copy: ask the image
                String st = Tools.debugfs(image, "stat " + c.getKey());
                assertTrue(st.contains("Mode:  0" + Integer.toOctalString(expected)), st);
            } else {
                assertEquals(expected, (Integer) Files.getAttribute(f, "unix:mode") & 07777, c.getKey() + " mode");
            }
            if (root) {
                int owner = c.getKey().startsWith("/home/user") ? 70000 : 0;
                assertEquals(owner, Files.getAttribute(f, "unix:uid"), c.getKey() + " uid");
                assertEquals(owner + 10000, Files.getAttribute(f, "unix:gid"), c.getKey() + " gid");
            }
        }
        assertArrayEquals(contents.get("/data/small"), Files.readAllBytes(out.resolve("links/hard")));
        assertEquals("../data/small", Files.readSymbolicLink(out.resolve("links/fast")).toString());
        assertEquals(SLOW_TARGET, Files.readSymbolicLink(out.resolve("links/slow")).toString());
        assertTrue(Tools.debugfs(image, "stat /tmp").contains("Mode:  01777"), "sticky directory");
        assertEquals(0700, (Integer) Files.getAttribute(out.resolve("home/user"), "unix:mode") & 07777);
        if (root) {
            assertEquals(1000, Files.getAttribute(out.resolve("home/user"), "unix:uid", LinkOption.NOFOLLOW_LINKS));
        }

        assertTrue(Tools.debugfs(image, "stat /data/small").contains("Links: 3"));
        assertTrue(Tools.debugfs(image, "stat /").contains("Links: 11"), "2 + 9 subdirectories incl. lost+found");
        String ping = Tools.debugfs(image, "stat /bin/ping");
        assertTrue(ping.contains("security.capability (20) = 01 00 00 02 00 20 00"), ping);
        assertTrue(ping.contains("File ACL: 0"), "a lone capability stays in the inode");
        String x1 = Tools.debugfs(image, "stat /data/xattr1");
        String x2 = Tools.debugfs(image, "stat /data/xattr2");
        String acl = fileAcl(x1);
        assertTrue(!acl.equals("0") && acl.equals(fileAcl(x2)), "identical xattr blocks are shared:\n" + x1);
        assertTrue(x1.contains("user.big (500)") && x1.contains("security.capability (20)"), x1);
        assertTrue(Tools.debugfs(image, "stat /dev/null").contains("Device major/minor number: 01:03"));
        assertTrue(Tools.debugfs(image, "stat /dev/sda").contains("Type: block special"));
        assertTrue(Tools.debugfs(image, "stat /dev/wide").contains("Device major/minor number: 300:70000"));
        assertTrue(Tools.debugfs(image, "stat /dev/fifo").contains("Type: FIFO"));
        assertTrue(Tools.debugfs(image, "stat /dev/sock").contains("Type: socket"));
        String many = Tools.debugfs(image, "ls /many");
        assertEquals(2000, many.split("entry-with-a-longer-name-", -1).length - 1);
        assertTrue(Tools.debugfs(image, "stat /many").contains("Links: 2"));

        String stat = Tools.debugfs(image, "stat /sparse/huge");
        assertTrue(stat.contains("Size: " + HUGE), stat);
        Matcher m = Pattern.compile("Blockcount: (\\d+)").matcher(stat);
        assertTrue(m.find(), stat);
        assertTrue(Long.parseLong(m.group(1)) <= 8 * 8, "3 data blocks and 5 indirect blocks:\n" + stat);
        // 14 zero blocks stay holes: data blocks 0 and 15..19 plus one indirect block
        String holey = Tools.debugfs(image, "stat /data/holey");
        assertTrue(holey.contains("Blockcount: " + 8 * 7), holey);
        long allocated = Long.parseLong(Tools.run("du", "-k", "--", image.toString()).output().split("\\s")[0]);
        assertTrue(allocated < 40 * 1024, "the image itself stays sparse: " + allocated + " KiB");
    }

    @Test
    void sameEntriesInAnotherOrderGiveAByteIdenticalImage() throws Exception {
        List<Consumer<Ext2ImageBuilder>> adds = scene();
        String first = sha256(build(adds, "one.img"));
        Collections.shuffle(adds, new Random(7));
        String second = sha256(build(adds, "two.img"));
        assertEquals(first, second);
        Tools.assertClean(tmp.resolve("two.img"));
    }

    private static String fileAcl(String stat) {
        Matcher m = Pattern.compile("File ACL: (\\d+)").matcher(stat);
        return m.find() ? m.group(1) : "";
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(d.digest());
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
