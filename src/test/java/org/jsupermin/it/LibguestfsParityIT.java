package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jsupermin against the reference supermin on libguestfs's supermin.d, {@code -f ext2}: the root
 * images hold the same paths with the same types, modes, owners, link targets and regular-file
 * sizes, and the initrds the same modules. The deliberate differences, each in README's
 * "Differences from supermin 5", are the only ones let through:
 * <ol>
 * <li>packages that supermin's dpkg handler drops and jsupermin resolves ({@code pkg:any}
 * dependencies, virtual packages, an installed alternative after an uninstalled first one), and
 * their files, which are only in jsupermin's image;</li>
 * <li>the {@code update-alternatives} links of the appliance's packages, only in jsupermin's image;</li>
 * <li>{@code /packagelist}'s size (the package lists themselves are compared as in 1).</li>
 * </ol>
 */
class LibguestfsParityIT {

    private static final Path SUPERMIN_D = Path.of("/usr/lib/x86_64-linux-gnu/guestfs/supermin.d");
    private static final Path REFERENCE = Path.of("/usr/bin/supermin");
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFDIR = 0040000;
    private static final int SHOWN = 30;

    @TempDir
    Path tmp;

    /** What is compared for one path: full mode, owner, size of a regular file, target of a symlink. */
    record Entry(String mode, int uid, int gid, long size, String target) {
    }

    @Test
    void rootImageAndInitrdAreTheReferenceSuperminsButForTheDeliberateDifferences() throws Exception {
        Ext2Oracle.requireTools();
        assertTrue(Files.isDirectory(SUPERMIN_D), SUPERMIN_D + " is missing: apt-get install libguestfs-tools");
        Tools.requireTool("supermin", REFERENCE.toString(), "apt-get install supermin");
        // a test that puts jsupermin over /usr/bin/supermin machine-wide would make this compare jsupermin with itself
        try (InputStream in = Files.newInputStream(REFERENCE)) {
            assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, in.readNBytes(4),
                    REFERENCE + " is not the reference supermin's executable (something is mounted over it?)");
        }
        Path ref = tmp.resolve("reference.d");
        Path jsm = tmp.resolve("jsupermin.d");
        Tools.reference("--build", "-f", "ext2", "--include-packagelist", SUPERMIN_D.toString(), "-o", ref.toString())
                .orFail("reference supermin --build -f ext2");
        Tools.jsupermin("--build", "-f", "ext2", "--include-packagelist", SUPERMIN_D.toString(), "-o", jsm.toString())
                .orFail("jsupermin --build -f ext2");

        List<String> refModules = initrdModules(ref.resolve("initrd"));
        assertTrue(refModules.contains("virtio_console") && refModules.contains("ext4"), refModules.toString());
        assertEquals(refModules, initrdModules(jsm.resolve("initrd")), "the initrds' modules");

        Map<String, Entry> want = listing(ref.resolve("root"), tmp.resolve("reference-root"));
        Map<String, Entry> got = listing(jsm.resolve("root"), tmp.resolve("jsupermin-root"));
        assertTrue(want.keySet().stream().anyMatch(p -> p.matches("/usr/lib/modules/[^/]+/kernel/fs/ext4/ext4\\.ko.*")),
                "the reference copies the kernel's module tree");

        // 1. packages: jsupermin takes every package supermin takes, and more only where supermin drops a dependency
        TreeSet<String> refPackages = packages(ref.resolve("root"));
        TreeSet<String> jsmPackages = packages(jsm.resolve("root"));
        TreeSet<String> missingPackages = new TreeSet<>(refPackages);
        missingPackages.removeAll(jsmPackages);
        assertEquals(Set.of(), missingPackages, "packages only the reference takes");
        TreeSet<String> extraPackages = new TreeSet<>(jsmPackages);
        extraPackages.removeAll(refPackages);
        for (String p : extraPackages) {
            String why = Tools.jsupermin("--build", "-f", "ext2", SUPERMIN_D.toString(), "-o", tmp.resolve("x").toString(),
                    "--explain", p).orFail("--explain " + p).stdout();
            // supermin's handler keeps only the first of "a | b" and drops "p:any" and virtual names
            assertTrue(why.contains(":any") || why.contains("(virtual)") || why.contains(" | "),
                    p + " is only in jsupermin's appliance, but not through a dependency supermin drops:\n" + why);
        }
        Set<String> extraPackagesFiles = packageFiles(extraPackages);

        TreeSet<String> onlyReference = new TreeSet<>(want.keySet());
        onlyReference.removeAll(got.keySet());
        List<String> onlyJsupermin = new ArrayList<>();
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, Entry> e : got.entrySet()) {
            String path = e.getKey();
            Entry w = want.get(path);
            if (w == null) {
                boolean alternative = path.startsWith("/etc/alternatives/")
                        || e.getValue().target() != null && e.getValue().target().startsWith("/etc/alternatives/");
                if (!alternative && !extraPackagesFiles.contains(path)) { // 2. and 1.
                    onlyJsupermin.add(path + " " + e.getValue());
                }
            } else if (!w.equals(e.getValue()) && !path.equals("/packagelist")) { // 3.
                differ.add(path + ": reference " + w + ", jsupermin " + e.getValue());
            }
        }
        assertEquals(List.of(), first(new ArrayList<>(onlyReference)), onlyReference.size() + " paths only in the reference's image");
        assertEquals(List.of(), first(onlyJsupermin), onlyJsupermin.size() + " paths only in jsupermin's image, unexplained");
        assertEquals(List.of(), first(differ), differ.size() + " paths differ");
    }

    private static List<String> first(List<String> list) {
        return list.subList(0, Math.min(SHOWN, list.size()));
    }

    /** The modules of an initrd by canonical name ('_' for '-'), sorted; either tool's layout. */
    private static List<String> initrdModules(Path initrd) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(initrd); CpioArchiveInputStream cpio = new CpioArchiveInputStream(in)) {
            for (CpioArchiveEntry e = cpio.getNextEntry(); e != null; e = cpio.getNextEntry()) {
                String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                if (e.isRegularFile() && name.endsWith(".ko")) {
                    // jsupermin numbers its modules in load order: "07-crc32_pclmul.ko"
                    names.add(name.replaceFirst("^\\d+-", "").replaceFirst("\\.ko$", "").replace('-', '_'));
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** Every path of an image: mode and owner from {@code debugfs ls -p}, sizes and link targets from rdump. */
    private static Map<String, Entry> listing(Path image, Path dump) throws IOException {
        Ext2Oracle.rdump(image, dump);
        Map<String, Ext2Oracle.Listed> listed = Ext2Oracle.list(image, Ext2Oracle.directories(dump));
        Map<String, Entry> result = new TreeMap<>();
        long dumpable = 0; // rdump writes directories, regular files and symlinks, not devices, fifos or sockets
        for (Map.Entry<String, Ext2Oracle.Listed> e : listed.entrySet()) {
            Ext2Oracle.Listed l = e.getValue();
            Path host = e.getKey().equals("/") ? dump : dump.resolve(e.getKey().substring(1));
            int type = l.mode() & S_IFMT;
            if (type == S_IFREG || type == S_IFLNK || type == S_IFDIR) {
                dumpable++;
            }
            long size = type == S_IFREG ? Files.size(host) : -1;
            String target = type == S_IFLNK ? Files.readSymbolicLink(host).toString() : null;
            result.put(e.getKey(), new Entry(Integer.toOctalString(l.mode()), l.uid(), l.gid(), size, target));
        }
        try (Stream<Path> s = Files.walk(dump)) {
            assertEquals(dumpable, s.count(), "debugfs ls -p and rdump see the same directories, files and links in " + image);
        }
        return result;
    }

    /** Package names from an image's /packagelist ("name_version_arch" lines). */
    private static TreeSet<String> packages(Path image) {
        String text = Tools.run("debugfs", "-R", "cat /packagelist", image.toString()).orFail("debugfs cat /packagelist").stdout();
        TreeSet<String> names = new TreeSet<>();
        text.lines().filter(l -> !l.isBlank()).forEach(l -> names.add(l.substring(0, l.indexOf('_'))));
        assertTrue(names.size() > 50, "/packagelist of " + image + ": " + text);
        return names;
    }

    /** The paths the packages list, as the appliance has them (through the host's usrmerge links). */
    private static Set<String> packageFiles(Set<String> packages) throws IOException {
        Set<String> paths = new TreeSet<>();
        if (packages.isEmpty()) {
            return paths;
        }
        List<String> cmd = new ArrayList<>(List.of("dpkg-query", "-L"));
        cmd.addAll(packages);
        Result r = Tools.run(cmd, Map.of()).orFail("dpkg-query -L");
        for (String line : r.stdout().lines().toList()) {
            if (!line.startsWith("/") || line.equals("/.")) {
                continue;
            }
            Path p = Path.of(line);
            try {
                Path parent = p.getParent().toRealPath();
                paths.add(parent.resolve(p.getFileName()).toString());
            } catch (NoSuchFileException e) {
                // listed but not on the host: in neither image
            }
        }
        return paths;
    }
}
