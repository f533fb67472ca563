package org.jsupermin.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsupermin.manifest.BaseFile;
import org.jsupermin.manifest.Manifest;
import org.jsupermin.manifest.ManifestException;
import org.jsupermin.manifest.ManifestWriter;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.dpkg.DpkgDriver;
import org.jsupermin.testing.FuzzScratch;
import org.jsupermin.util.Reporter;

/**
 * Fuzzes the base-image reader and the appliance tree built from base images (on a usrmerged
 * dpkg root none of whose packages is asked for: /bin and /lib link to usr/bin and usr/lib). An input is one or
 * two tar archives separated by the line {@code --8<--}; before use, every 512-byte block with the
 * ustar magic gets its header checksum recomputed, so that mutations reach the reader instead of
 * failing the checksum. Seeds (under {@code BaseImageFuzzTestInputs}) are archives made by GNU tar.
 * Only {@link TreeException} may come out; a tree that is built has no entry under a symlink,
 * passes {@link ApplianceTree#of}'s checks, its files give back as many bytes as their size, and
 * its hard links point to files of the tree. Among the seeds are the hostile base images of a
 * symlink with a member under it in a second archive, or under the usrmerge alias of its parent.
 */
class BaseImageFuzzTest {

    /** One installed package, which gives the root its architecture; none is in the appliance. */
    private static final byte[] STATUS = ("Package: base-files\nStatus: install ok installed\n"
            + "Architecture: amd64\nVersion: 12.4\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEPARATOR = "\n--8<--\n".getBytes(StandardCharsets.US_ASCII);

    @FuzzTest
    void treeFromBaseImages(byte[] data) throws Exception {
        try (FuzzScratch s = FuzzScratch.open()) {
            build(s, data, BaseImageFuzzTest::checkTree);
        }
    }

    /** "PATH is under the symlink LINK" for the first entry with a symlink among its parents, or null. */
    private static String underSymlink(ApplianceTree tree) {
        Map<String, TreeEntry> byPath = new HashMap<>();
        for (TreeEntry e : tree.entries()) {
            byPath.put(e.path(), e);
        }
        for (TreeEntry e : tree.entries()) {
            for (String p = e.parent(); p != null; p = parentOf(p)) {
                TreeEntry parent = byPath.get(p);
                if (parent != null && parent.type() == EntryType.SYMLINK) {
                    return e.path() + " is under the symlink " + p + " -> " + parent.linkTarget();
                }
            }
        }
        return null;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 || path.equals("/") ? null : slash == 0 ? "/" : path.substring(0, slash);
    }

    /**
     * Files written into a base image by ManifestWriter (one a line: "path&lt;TAB&gt;content" or
     * "path -&gt; target") read back with the same paths, modes, contents and link targets.
     */
    @FuzzTest
    void writtenBaseImageReadsBack(byte[] data) throws Exception {
        Map<String, BaseFile> files = new TreeMap<>();
        int n = 0;
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int arrow = line.indexOf(" -> ");
            int tab = line.indexOf('\t');
            String path = arrow >= 0 ? line.substring(0, arrow) : tab >= 0 ? line.substring(0, tab) : line;
            if (!isNormalAbsolute(path) || files.containsKey(path)) {
                continue;
            }
            int mode = 0400 | (n++ * 0111 & 07777);
            files.put(path, arrow >= 0 ? new BaseFile(path, 0777, line.substring(arrow + 4), null)
                    : new BaseFile(path, mode, null, (tab >= 0 ? line.substring(tab + 1) : "").getBytes(StandardCharsets.UTF_8)));
        }
        try (FuzzScratch s = FuzzScratch.open()) {
            Path archive = s.dir().resolve("base.tar.gz");
            try (var out = Files.newOutputStream(archive)) {
                ManifestWriter.writeBaseImage(out, new ArrayList<>(files.values()), 1_600_000_000L);
            } catch (ManifestException e) {
                // a NUL in a name or a link target is refused: no file system holds it, a tar reader ends the name there
                assertTrue(e.getMessage().contains("NUL"), e.getMessage());
                return;
            }
            List<TreeEntry> read;
            try (Spool spool = new Spool(Files.createDirectories(s.dir().resolve("spool")))) {
                try {
                    read = BaseImageReader.read(archive, spool);
                } catch (TreeException e) {
                    // a member under another member that is a symlink is refused, and a name no output can
                    // hold (the tree's rules, checked once for every format), and only then
                    assertTrue(e.getMessage().contains("symlink") || e.getMessage().contains("cannot be written: "),
                            e.getMessage());
                    return;
                }
                checkReadBack(files, read);
            }
            s.assertOnly(List.of("base.tar.gz", "spool"));
        }
    }

    private static void checkReadBack(Map<String, BaseFile> files, List<TreeEntry> read) throws Exception {
        assertEquals(new ArrayList<>(files.keySet()), paths(read));
        for (TreeEntry e : read) {
            BaseFile f = files.get(e.path());
            if (f.symlinkTarget() != null) {
                assertEquals(EntryType.SYMLINK, e.type());
                assertEquals(f.symlinkTarget(), e.linkTarget());
            } else {
                assertEquals(EntryType.FILE, e.type());
                assertEquals(f.mode(), e.mode());
                assertArrayEquals(f.content(), content(e));
            }
        }
    }

    /** What to check of a tree while its base images' contents are still at hand. */
    private interface TreeCheck {
        void check(ApplianceTree tree) throws Exception;
    }

    /**
     * Builds the tree of a dpkg root none of whose packages is asked for and the input's base
     * images, and checks it; refusing the input is allowed.
     */
    private static void build(FuzzScratch s, byte[] data, TreeCheck check) throws Exception {
        List<Path> archives = new ArrayList<>();
        List<String> expected = new ArrayList<>(List.of("root", "root/var", "root/var/lib", "root/var/lib/dpkg",
                "root/var/lib/dpkg/status"));
        for (byte[] part : split(data)) {
            String name = "base" + archives.size() + ".tar";
            archives.add(s.write(name, withChecksums(part)));
            expected.add(name);
            if (archives.size() == 2) {
                break;
            }
        }
        s.write("root/var/lib/dpkg/status", STATUS);
        // a usrmerged root: /bin and /lib are links the tree keeps as aliases
        Files.createDirectories(s.dir().resolve("root/usr/bin"));
        Files.createDirectories(s.dir().resolve("root/usr/lib"));
        Files.createSymbolicLink(s.dir().resolve("root/bin"), Path.of("usr/bin"));
        Files.createSymbolicLink(s.dir().resolve("root/lib"), Path.of("usr/lib"));
        expected.addAll(List.of("root/bin", "root/lib", "root/usr", "root/usr/bin", "root/usr/lib", "spool"));
        expected.sort(null);
        Path spoolDir = Files.createDirectories(s.dir().resolve("spool"));
        BaseImagePrefetch bases = BaseImagePrefetch.start(archives, spoolDir);
        try {
            PackageDatabase db = new DpkgDriver().open(s.dir().resolve("root"));
            Manifest m = new Manifest(List.of(), List.of(), List.of(), archives, archives);
            ApplianceTree tree = ApplianceTreeBuilder.build(new TreeInputs(db, List.of(), m, List.of(), false,
                    1_700_000_000L, Reporter.SILENT, null, bases));
            check.check(tree);
        } catch (TreeException e) {
            assertNotNull(e.getMessage());
            assertTrue(e.getMessage().contains("base image") || e.getMessage().contains(s.dir().toString()),
                    e.getMessage());
        } finally {
            bases.close();
        }
        s.assertOnly(expected);
    }

    private static void checkTree(ApplianceTree tree) throws Exception {
        // once the whole tree is known, no entry may have a symlink among its parents: a format
        // would otherwise write through the link, outside its output
        assertNull(underSymlink(tree));
        List<TreeEntry> entries = tree.entries();
        try {
            assertEquals(entries, ApplianceTree.of(new ArrayList<>(entries)).entries());
        } catch (IllegalArgumentException e) {
            fail("the tree breaks its own rules: " + e.getMessage());
        }
        Map<String, TreeEntry> byPath = new HashMap<>();
        for (TreeEntry e : entries) {
            byPath.put(e.path(), e);
        }
        for (TreeEntry e : entries) {
            if (e.type() == EntryType.FILE) {
                assertNotNull(e.source(), e.path());
                assertEquals(e.size(), content(e).length, e.path());
                if (e.hardLinkGroup() != null) {
                    TreeEntry first = byPath.get(e.hardLinkGroup());
                    assertNotNull(first, e.path() + " links to a missing " + e.hardLinkGroup());
                    assertEquals(EntryType.FILE, first.type(), e.hardLinkGroup());
                }
            } else {
                assertNull(e.hardLinkGroup(), e.path());
            }
            if (e.type() == EntryType.SYMLINK) {
                assertNotNull(e.linkTarget(), e.path());
            }
        }
    }

    private static byte[] content(TreeEntry e) throws Exception {
        try (InputStream in = e.source().open()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static List<String> paths(List<TreeEntry> entries) {
        List<String> out = new ArrayList<>();
        for (TreeEntry e : entries) {
            out.add(e.path());
        }
        out.sort(null);
        return out;
    }

    private static boolean isNormalAbsolute(String p) {
        if (!p.startsWith("/") || p.length() < 2 || p.endsWith("/") || p.indexOf('\0') >= 0) {
            return false;
        }
        for (String c : p.substring(1).split("/", -1)) {
            if (c.isEmpty() || c.equals(".") || c.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The input with the checksum of every header block (ustar magic at 257) recomputed. */
    static byte[] withChecksums(byte[] data) {
        byte[] out = data.clone();
        for (int o = 0; o + 512 <= out.length; o += 512) {
            if (out[o + 257] == 'u' && out[o + 258] == 's' && out[o + 259] == 't' && out[o + 260] == 'a'
                    && out[o + 261] == 'r') {
                Arrays.fill(out, o + 148, o + 156, (byte) ' ');
                long sum = 0;
                for (int i = 0; i < 512; i++) {
                    sum += out[o + i] & 0xff;
                }
                byte[] field = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(field, 0, out, o + 148, 6);
                out[o + 154] = 0;
                out[o + 155] = ' ';
            }
        }
        return out;
    }

    private static List<byte[]> split(byte[] data) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + SEPARATOR.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + SEPARATOR.length, SEPARATOR, 0, SEPARATOR.length)) {
                out.add(Arrays.copyOfRange(data, start, i));
                start = i + SEPARATOR.length;
                i = start - 1;
            }
        }
        out.add(Arrays.copyOfRange(data, start, data.length));
        return out;
    }
}
