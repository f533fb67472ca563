package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libguestfs, supermin's main client, on jsupermin's appliance: Debian's libguestfs-tools run
 * {@code /usr/bin/supermin --build -f ext2 --if-newer} on their supermin.d at every launch and
 * boot the result in qemu (TCG here). The test puts a two-line script that execs the checkout's
 * {@code bin/supermin} over {@code /usr/bin/supermin} with a bind mount made in a private mount
 * namespace ({@code unshare --mount}) around each libguestfs command: only that command sees it,
 * it ends with the command, and the reference supermin stays in place for every other process.
 */
class LibguestfsIT {

    private static final String OK = "===== TEST FINISHED OK =====";
    private static final String TEXT = "written and read back through jsupermin's appliance";

    /** The wrapper, libguestfs's cache (the appliance built once for the class) and the work files. */
    @TempDir
    static Path shared;

    private static Path wrapper;
    private static Path cache;

    @BeforeAll
    static void tools() throws IOException {
        Tools.requireTool("libguestfs-test-tool", "/usr/bin/libguestfs-test-tool", "apt-get install libguestfs-tools");
        Tools.requireTool("guestfish", "/usr/bin/guestfish", "apt-get install libguestfs-tools");
        Tools.requireTool("qemu-system-x86_64", "/usr/bin/qemu-system-x86_64", "apt-get install qemu-system-x86");
        Tools.requireTool("unshare", "/usr/bin/unshare", "apt-get install util-linux");
        Tools.requireTool("supermin", "/usr/bin/supermin", "apt-get install supermin (the path libguestfs runs)");
        assertEquals("0", Tools.run("id", "-u").orFail("id -u").stdout().strip(),
                "LibguestfsIT bind-mounts over /usr/bin/supermin and must run as root");
        wrapper = shared.resolve("supermin");
        Files.writeString(wrapper, "#!/bin/sh\nexec " + Tools.LAUNCHER + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        cache = Files.createDirectories(shared.resolve("cache"));
    }

    /** A libguestfs command run with jsupermin as /usr/bin/supermin, qemu without KVM, the class's cache. */
    private static Result withJsupermin(String... command) {
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--",
                "sh", "-c", "mount --bind \"$0\" /usr/bin/supermin && exec \"$@\"", wrapper.toString()));
        cmd.addAll(List.of(command));
        return Tools.run(cmd, Map.of("LIBGUESTFS_BACKEND", "direct", "LIBGUESTFS_BACKEND_SETTINGS", "force_tcg",
                "LIBGUESTFS_CACHEDIR", cache.toString()));
    }

    /** The appliance libguestfs keeps in its cache, built by whichever test ran first. */
    private static Path appliance() throws IOException {
        try (Stream<Path> s = Files.walk(cache)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().equals("appliance.d")).toList();
            assertEquals(1, found.size(), "one appliance.d under " + cache + ": " + found);
            return found.get(0);
        }
    }

    @Test
    void libguestfsTestToolPasses() throws Exception {
        Result r = withJsupermin("libguestfs-test-tool", "-t", "600");
        assertEquals(0, r.exit(), "libguestfs-test-tool:\n" + tail(r));
        assertTrue(r.stdout().contains(OK), "libguestfs-test-tool printed no '" + OK + "':\n" + tail(r));
        // the appliance is jsupermin's: its initrd has jsupermin's module list, with the modules
        // libguestfs's own init needs from the root image (virtio_console for its channel)
        List<String> initrd = initrdNames(appliance().resolve("initrd"));
        assertTrue(initrd.contains("modules/load-order"), "jsupermin's initrd: " + initrd);
        assertTrue(initrd.stream().anyMatch(n -> n.matches("modules/\\d+-virtio_console\\.ko")), initrd.toString());
        String all = r.stdout() + r.stderr();
        assertTrue(!all.contains("Module dm_mod not found"), "dm_mod is in the root image's module tree:\n" + tail(r));
    }

    @Test
    void guestfishPartitionsAndFormatsANewDiskWithLvmAndInspectsTheSystemPutOnIt() throws Exception {
        // a small Debian system to inspect: jsupermin's own tar of bash and coreutils, with the
        // /etc/hosts that libguestfs's inspection looks for beside /etc and /bin
        Path d = shared.resolve("system.d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "-o", d.toString()).orFail("prepare");
        Files.writeString(d.resolve("hostfiles"), "/etc/hosts\n");
        Path tar = shared.resolve("system.tar");
        Tools.jsupermin("--build", "-f", "tar", d.toString(), "-o", tar.toString()).orFail("build -f tar");

        Path disk = shared.resolve("disk.img");
        try (RandomAccessFile f = new RandomAccessFile(disk.toFile(), "rw")) {
            f.setLength(256L << 20); // sparse
        }
        Path script = shared.resolve("work.gf");
        Files.writeString(script, String.join("\n",
                "add-drive " + disk + " format:raw",
                "run",
                "part-disk /dev/sda mbr",
                "pvcreate /dev/sda1",
                "vgcreate vg0 /dev/sda1",
                "lvcreate-free root vg0 100",
                "mkfs ext4 /dev/vg0/root",
                "mount /dev/vg0/root /",
                "tar-in " + tar + " /",
                "write /hello.txt \"" + TEXT + "\"",
                "echo ==cat==",
                "cat /hello.txt",
                "echo ==lvs==",
                "lvs",
                "echo ==vfs==",
                "vfs-type /dev/vg0/root",
                "umount-all",
                "echo ==inspect==",
                "inspect-os",
                "inspect-get-type /dev/vg0/root",
                "inspect-get-distro /dev/vg0/root",
                ""));
        Result r = withJsupermin("guestfish", "-f", script.toString());
        assertEquals(0, r.exit(), "guestfish:\n" + tail(r));
        String out = r.stdout();
        assertEquals(TEXT, section(out, "cat"), out);
        assertEquals("/dev/vg0/root", section(out, "lvs"), out);
        assertEquals("ext4", section(out, "vfs"), out);
        assertEquals(List.of("/dev/vg0/root", "linux", "debian"), section(out, "inspect").lines().toList(), out);

        // a second launch reuses the cached appliance (supermin --if-newer finds nothing changed)
        // and finds the file on the disk, through inspection's own mounts
        BasicFileAttributes before = Files.readAttributes(appliance().resolve("root"), BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        Result again = withJsupermin("guestfish", "--ro", "-a", disk.toString(), "-i", "cat", "/hello.txt");
        assertEquals(0, again.exit(), "guestfish --ro -i:\n" + tail(again));
        assertEquals(TEXT, again.stdout().strip());
        BasicFileAttributes after = Files.readAttributes(appliance().resolve("root"), BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        // (a rebuild writes a new root file; libguestfs touches the one it keeps, so times change anyway)
        assertEquals(before.fileKey(), after.fileKey(), "the cached appliance was not rebuilt");
    }

    /** The lines after "==name==" up to the next marker, stripped. */
    private static String section(String out, String name) {
        int start = out.indexOf("==" + name + "==\n");
        assertTrue(start >= 0, "no ==" + name + "== in guestfish's output:\n" + out);
        String rest = out.substring(start + name.length() + 5);
        int end = rest.indexOf("\n==");
        return (end < 0 ? rest : rest.substring(0, end)).strip();
    }

    private static List<String> initrdNames(Path initrd) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(initrd); CpioArchiveInputStream cpio = new CpioArchiveInputStream(in)) {
            for (CpioArchiveEntry e = cpio.getNextEntry(); e != null; e = cpio.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** The end of a command's output, enough to see why a launch failed. */
    private static String tail(Result r) {
        String all = r.stdout() + "\n--- stderr ---\n" + r.stderr();
        return all.length() <= 12_000 ? all : "…" + all.substring(all.length() - 12_000);
    }
}
