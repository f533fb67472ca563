package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;

/** e2fsprogs as the oracle for ext2 appliances: e2fsck, debugfs rdump / ls -p / stat, and tree scans to compare. */
final class Ext2Oracle {

    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;

    private Ext2Oracle() {
    }

    /**
     * What a test compares for one path.
     *
     * @param mode st_mode with the file type
     * @param mtime seconds (0 for symlinks, whose times rdump does not restore)
     * @param content sha256 of a regular file, the target of a symlink, else ""
     */
    record Meta(int mode, int uid, int gid, long mtime, String content) {
        boolean isDumpable() {
            int t = mode & S_IFMT;
            return t == S_IFDIR || t == 0100000 || t == 0120000;
        }

        Meta withMtime(long seconds) {
            return new Meta(mode, uid, gid, seconds, content);
        }

        Meta withoutSpecialBits() {
            return new Meta(mode & ~07000, uid, gid, mtime, content);
        }
    }

    /** One entry of {@code debugfs ls -p}. */
    record Listed(long ino, int mode, int uid, int gid) {
    }

    static void requireTools() {
        Tools.requireTool("e2fsck", "/usr/sbin/e2fsck", "apt-get install e2fsprogs");
        Tools.requireTool("debugfs", "/usr/sbin/debugfs", "apt-get install e2fsprogs");
        Tools.requireTool("python3", "/usr/bin/python3", "apt-get install python3");
    }

    /** {@code e2fsck -fn} finds nothing to fix. */
    static void e2fsck(Path image) {
        Result r = Tools.run("e2fsck", "-fn", image.toString());
        assertEquals(0, r.exit(), "e2fsck -fn " + image + "\n" + r.stdout() + r.stderr());
    }

    /** The kernel version an appliance boots, from its kernel link or file name. */
    static String kernelVersion(Path app) throws IOException {
        Path k = app.resolve("kernel");
        String name = Files.isSymbolicLink(k) ? Files.readSymbolicLink(k).getFileName().toString() : "";
        assertTrue(name.startsWith("vmlinuz-"), "kernel link " + name);
        return name.substring("vmlinuz-".length());
    }

    /** {@code debugfs -R 'rdump / dir'}, which must report nothing. */
    static void rdump(Path image, Path dir) throws IOException {
        Files.createDirectories(dir);
        Result r = Tools.run("debugfs", "-R", "rdump / " + dir, image.toString()).orFail("debugfs rdump");
        String errors = r.stderr().lines().filter(l -> !l.startsWith("debugfs ")).collect(Collectors.joining("\n"));
        assertEquals("", errors, "debugfs rdump complaints");
    }

    /** Every path under root ("/" for root itself) with its metadata. */
    static Map<String, Meta> scan(Path root, boolean withMtime) throws IOException {
        Map<String, Meta> result = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
                int mode = (Integer) a.get("mode");
                String content = "";
                long mtime = withMtime ? ((FileTime) a.get("lastModifiedTime")).toMillis() / 1000 : 0;
                if ((mode & S_IFMT) == 0100000) {
                    content = sha256(p);
                } else if ((mode & S_IFMT) == 0120000) {
                    content = Files.readSymbolicLink(p).toString();
                    mtime = 0;
                }
                result.put("/" + root.relativize(p), new Meta(mode, (Integer) a.get("uid"), (Integer) a.get("gid"), mtime, content));
            }
        }
        result.put("/", result.remove("/"));
        return result;
    }

    /** Same paths and, path by path, the same metadata; special bits are not compared. */
    static void assertSameTree(Map<String, Meta> want, Map<String, Meta> got) {
        TreeSet<String> missing = new TreeSet<>(want.keySet());
        missing.removeAll(got.keySet());
        TreeSet<String> extra = new TreeSet<>(got.keySet());
        extra.removeAll(want.keySet());
        assertEquals("", first(missing), "paths missing from the image");
        assertEquals("", first(extra), "paths only in the image");
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, Meta> e : want.entrySet()) {
            Meta w = e.getValue().withoutSpecialBits();
            Meta g = got.get(e.getKey()).withoutSpecialBits();
            if (!w.equals(g)) {
                differ.add(e.getKey() + ": want " + w + ", got " + g);
            }
        }
        assertEquals(List.of(), differ.subList(0, Math.min(20, differ.size())), differ.size() + " paths differ");
    }

    private static String first(TreeSet<String> set) {
        return set.stream().limit(20).collect(Collectors.joining(" "));
    }

    /** The directories under a dumped tree, as image paths. */
    static List<String> directories(Path dump) throws IOException {
        try (Stream<Path> s = Files.walk(dump)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> "/" + dump.relativize(p)).map(p -> p.equals("/") ? "/" : p).sorted().toList();
        }
    }

    /** {@code debugfs ls -p} of each directory: every path's inode number, full mode and owner. */
    static Map<String, Listed> list(Path image, List<String> dirs) throws IOException {
        Path commands = Files.createTempFile("debugfs-ls", ".cmd");
        try {
            StringBuilder s = new StringBuilder();
            for (String d : dirs) {
                s.append("ls -p \"").append(d).append("\"\n");
            }
            Files.writeString(commands, s);
            Result r = Tools.run("debugfs", "-f", commands.toString(), image.toString()).orFail("debugfs ls -p");
            Map<String, Listed> result = new TreeMap<>();
            String dir = null;
            for (String line : r.stdout().lines().toList()) {
                if (line.startsWith("debugfs: ls -p \"")) {
                    dir = line.substring("debugfs: ls -p \"".length(), line.length() - 1);
                    continue;
                }
                String[] f = line.split("/", -1);
                if (dir == null || f.length < 7 || f[5].equals("..") || (f[5].equals(".") && !dir.equals("/"))) {
                    continue;
                }
                String path = f[5].equals(".") ? "/" : dir.equals("/") ? "/" + f[5] : dir + "/" + f[5];
                result.put(path, new Listed(Long.parseLong(f[1]), Integer.parseInt(f[2], 8),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4])));
            }
            assertTrue(result.size() > dirs.size(), "debugfs listed " + result.size() + " entries:\n" + r.stderr());
            assertTrue(result.containsKey("/") && result.containsKey("/usr"), "/ and /usr listed");
            return result;
        } finally {
            Files.deleteIfExists(commands);
        }
    }

    /** Groups (2 or more paths) of non-directories sharing an inode in a directory tree. */
    static TreeSet<String> hardLinkGroups(Path root, Iterable<String> paths) throws IOException {
        Map<Long, TreeSet<String>> byIno = new TreeMap<>();
        for (String p : paths) {
            Path f = p.equals("/") ? root : root.resolve(p.substring(1));
            Map<String, Object> a = Files.readAttributes(f, "unix:mode,ino", LinkOption.NOFOLLOW_LINKS);
            if (((Integer) a.get("mode") & S_IFMT) != S_IFDIR) {
                byIno.computeIfAbsent((Long) a.get("ino"), k -> new TreeSet<>()).add(p);
            }
        }
        return groups(byIno);
    }

    /** The same groups from an image listing. */
    static TreeSet<String> hardLinkGroups(Map<String, Listed> listed, Iterable<String> paths) {
        Map<Long, TreeSet<String>> byIno = new TreeMap<>();
        for (String p : paths) {
            Listed l = listed.get(p);
            if (l != null && (l.mode() & S_IFMT) != S_IFDIR) {
                byIno.computeIfAbsent(l.ino(), k -> new TreeSet<>()).add(p);
            }
        }
        return groups(byIno);
    }

    private static TreeSet<String> groups(Map<Long, TreeSet<String>> byIno) {
        TreeSet<String> result = new TreeSet<>();
        byIno.values().stream().filter(g -> g.size() > 1).forEach(g -> result.add(String.join(" = ", g)));
        return result;
    }

    /** A base tarball with what rdump cannot show: a setuid file owned 1000:1000, a device; and hard links. */
    static void specialFilesTarball(Path src, Path tarball) throws IOException {
        Path dir = src.resolve("opt/special");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("suid"), "#!/bin/sh\necho suid\n");
        Files.writeString(dir.resolve("a"), "hard linked\n");
        String d = dir.toString();
        Tools.run("bash", "-c", "set -e; cd " + d + "; chown 1000:1000 suid; chmod 4755 suid; ln a b; mkdir sub; ln a sub/c;"
                + " mknod null c 1 3; chmod 1777 sub;"
                + " ln -s /a/rather/long/symlink/target/that/does/not/fit/in/the/inode/itself/at/all long")
                .orFail("making special files");
        Tools.run("tar", "--numeric-owner", "-czf", tarball.toString(), "-C", src.toString(), "opt").orFail("tar");
    }

    /** sha256 of a file's bytes. */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digest of a (sparse) file's bytes that reads only its data extents: equal digests mean equal bytes. */
    static String sparseDigest(Path file) {
        String script = String.join("\n",
                "import hashlib, os, sys",
                "fd = os.open(sys.argv[1], os.O_RDONLY)",
                "size = os.fstat(fd).st_size",
                "h = hashlib.sha256(b'size %d\\n' % size)",
                "pos = 0",
                "zero = bytes(4096)",
                "while pos < size:",
                "    try:",
                "        start = os.lseek(fd, pos, os.SEEK_DATA)",
                "    except OSError:",
                "        break",
                "    end = os.lseek(fd, start, os.SEEK_HOLE)",
                "    off = start",
                "    while off < end:",
                "        data = os.pread(fd, min(1 << 20, end - off), off)",
                "        for i in range(0, len(data), 4096):",
                "            block = data[i:i + 4096]",
                "            if block.strip(b'\\0'):",
                "                h.update(b'%d:' % (off + i)); h.update(block)",
                "        off += len(data)",
                "    pos = end",
                "print(h.hexdigest())");
        return Tools.run("python3", "-c", script, file.toString()).orFail("digest of " + file).stdout().strip();
    }

    /** An appliance directory's kernel (link target or digest), initrd and root digests. */
    static Map<String, String> digests(Path app) throws IOException {
        Map<String, String> result = new TreeMap<>();
        Path k = app.resolve("kernel");
        result.put("kernel", Files.isSymbolicLink(k) ? "-> " + Files.readSymbolicLink(k) : sha256(k));
        result.put("initrd", sha256(app.resolve("initrd")));
        result.put("root", sparseDigest(app.resolve("root")));
        return result;
    }
}
