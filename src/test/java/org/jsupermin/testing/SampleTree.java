package org.jsupermin.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;

/** A synthetic appliance with every entry type and the awkward cases formats must get right. */
public final class SampleTree {

    public static final long MTIME = 1_700_000_000L;
    public static final String LONG_NAME = "/usr/share/" + "d".repeat(120) + "/" + "f".repeat(90);
    /** A name getfattr and setfattr must escape (non-ASCII, space, '='). */
    public static final String ODD_NAME = "/etc/café x=1";
    public static final String LONG_TARGET = "../" + "t".repeat(150) + "/target";
    public static final int BIG_SIZE = 5 * 1024 * 1024 + 123;
    /** VFS capability v2, effective, permitting cap_setuid (bit 7: byte 0x80) and cap_net_raw. */
    public static final byte[] CAPABILITY = {
        0x01, 0x00, 0x00, 0x02, (byte) 0x80, 0x20, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** What getcap prints for {@link #CAPABILITY}. */
    public static final String CAPABILITY_TEXT = "cap_setuid,cap_net_raw=ep";

    private SampleTree() {
    }

    /** The entries (in a fixed, unsorted order); the big file is written under {@code hostDir}. */
    public static List<TreeEntry> entries(Path hostDir) throws IOException {
        Path big = hostDir.resolve("big.bin");
        if (!Files.exists(big)) {
            writeRandom(big, BIG_SIZE, 42);
        }
        SortedMap<String, byte[]> caps = new TreeMap<>();
        caps.put("security.capability", CAPABILITY);
        caps.put("user.comment", "héllo".getBytes(StandardCharsets.UTF_8));
        List<TreeEntry> l = new ArrayList<>();
        l.add(TreeEntry.directory("/", 0755, MTIME));
        l.add(TreeEntry.symlink("/bin", "usr/bin", MTIME));
        l.add(TreeEntry.directory("/dev", 0755, MTIME));
        l.add(special("/dev/null", EntryType.CHAR_DEVICE, 0666, 1, 3));
        l.add(special("/dev/sda", EntryType.BLOCK_DEVICE, 0660, 8, 0));
        l.add(special("/dev/initctl", EntryType.FIFO, 0600, 0, 0));
        l.add(special("/dev/log", EntryType.SOCKET, 0666, 0, 0));
        l.add(TreeEntry.directory("/etc", 0755, MTIME));
        l.add(bytes("/etc/passwd", 0644, "root:x:0:0:root:/root:/bin/bash\n"));
        l.add(withXattr(bytes(ODD_NAME, 0644, "non-ASCII name\n"), "user.origin", "= odd\\value"));
        l.add(TreeEntry.directory("/home", 0755, MTIME));
        l.add(new TreeEntry("/home/user", EntryType.DIRECTORY, 0700, 1000, 1000, MTIME, 0, null, null, 0, 0,
                null, null));
        l.add(new TreeEntry("/home/user/notes", EntryType.FILE, 0600, 1000, 1000, MTIME - 5, 6, null, null, 0, 0,
                null, new ContentSource.Bytes("notes\n".getBytes(StandardCharsets.UTF_8), "notes")));
        l.add(new TreeEntry("/home/big-owner", EntryType.FILE, 0644, 3_000_000, 3_000_001, MTIME, 0, null, null,
                0, 0, null, new ContentSource.Bytes(new byte[0], "empty")));
        l.add(new TreeEntry("/tmp", EntryType.DIRECTORY, 01777, 0, 0, MTIME, 0, null, null, 0, 0, null, null));
        l.add(TreeEntry.directory("/usr", 0755, MTIME));
        l.add(TreeEntry.directory("/usr/bin", 0755, MTIME));
        l.add(bytes("/usr/bin/su", 04755, "#!/bin/sh\necho su\n"));
        l.add(new TreeEntry("/usr/bin/ping", EntryType.FILE, 0755, 0, 0, MTIME, 5, null, null, 0, 0, caps,
                new ContentSource.Bytes("ping\n".getBytes(StandardCharsets.UTF_8), "ping")));
        l.add(bytes("/usr/bin/a-link", 0755, "shared\n").withHardLinkGroup("/usr/bin/a-link"));
        l.add(bytes("/usr/bin/b-link", 0755, "shared\n").withHardLinkGroup("/usr/bin/a-link"));
        l.add(TreeEntry.directory("/usr/lib", 0755, MTIME));
        l.add(TreeEntry.file("/usr/lib/big.bin", 0644, MTIME, BIG_SIZE, new ContentSource.HostFile(big)));
        l.add(TreeEntry.symlink("/usr/lib/long-link", LONG_TARGET, MTIME));
        l.add(new TreeEntry("/usr/local", EntryType.DIRECTORY, 02775, 0, 50, MTIME, 0, null, null, 0, 0, null, null));
        l.add(TreeEntry.directory("/usr/share", 0755, MTIME));
        l.add(TreeEntry.directory(LONG_NAME.substring(0, LONG_NAME.lastIndexOf('/')), 0755, MTIME));
        l.add(bytes(LONG_NAME, 0644, "deep\n"));
        l.add(TreeEntry.directory("/usr/share/ro", 0555, MTIME - 100));
        l.add(bytes("/usr/share/ro/inside", 0444, "read-only dir content\n"));
        return l;
    }

    /** The sample as a tree. */
    public static ApplianceTree tree(Path hostDir) throws IOException {
        return ApplianceTree.of(entries(hostDir));
    }

    /** The same entries in a seeded random order. */
    public static ApplianceTree shuffledTree(Path hostDir, long seed) throws IOException {
        List<TreeEntry> l = entries(hostDir);
        Collections.shuffle(l, new Random(seed));
        return ApplianceTree.of(l);
    }

    /** Writes {@code size} seeded pseudo-random bytes, 64 KiB at a time. */
    public static void writeRandom(Path file, long size, long seed) throws IOException {
        Random r = new Random(seed);
        byte[] buf = new byte[65536];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; ) {
                int n = (int) Math.min(buf.length, left);
                r.nextBytes(buf);
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }

    private static TreeEntry bytes(String path, int mode, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return TreeEntry.file(path, mode, MTIME, b.length, new ContentSource.Bytes(b, "generated " + path));
    }

    private static TreeEntry withXattr(TreeEntry e, String name, String value) {
        SortedMap<String, byte[]> x = new TreeMap<>(e.xattrs());
        x.put(name, value.getBytes(StandardCharsets.UTF_8));
        return new TreeEntry(e.path(), e.type(), e.mode(), e.uid(), e.gid(), e.mtime(), e.size(), e.linkTarget(),
                e.hardLinkGroup(), e.devMajor(), e.devMinor(), x, e.source());
    }

    private static TreeEntry special(String path, EntryType type, int mode, int major, int minor) {
        return new TreeEntry(path, type, mode, 0, 0, MTIME, 0, null, null, major, minor, null, null);
    }
}
