package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --build -f ext2} end to end on this host: e2fsck and debugfs against a chroot build of
 * the same appliance, a qemu boot, reproducibility, --if-newer, bad inputs and --copy-kernel.
 */
class Ext2ApplianceIT {

    private static final String EPOCH = "1700000000";

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    /** bash coreutils, prepared once with --use-installed. */
    private static Path small;

    @BeforeAll
    static void prepare() {
        Ext2Oracle.requireTools();
        small = shared.resolve("small.d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "-o", small.toString())
                .orFail("prepare bash coreutils");
    }

    private Path build(Path d, String name, Map<String, String> env, String... extra) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("--build", "-f", "ext2"));
        args.addAll(List.of(extra));
        args.addAll(List.of(d.toString(), "-o", out.toString()));
        Tools.jsupermin(env, args.toArray(String[]::new)).orFail("build -f ext2 " + name);
        return out;
    }

    @Test
    void imagePassesE2fsckAndHoldsTheChrootBuildsTree() throws Exception {
        Path d = tmp.resolve("special.d");
        Tools.run("cp", "-a", small.toString(), d.toString()).orFail("cp");
        Ext2Oracle.specialFilesTarball(tmp.resolve("special-src"), d.resolve("special.tar.gz"));
        // the same SOURCE_DATE_EPOCH for both: an image clamps timestamps, a chroot otherwise keeps the host's
        Map<String, String> epoch = Map.of("SOURCE_DATE_EPOCH", "1700000000");
        Path app = build(d, "app", epoch);
        Path chroot = tmp.resolve("chroot");
        // (without the package database, which a chroot carries and an ext2 appliance does not)
        Tools.jsupermin(epoch, "--build", "-f", "chroot", "--no-package-db", d.toString(), "-o", chroot.toString())
                .orFail("build -f chroot");
        Path image = app.resolve("root");
        Ext2Oracle.e2fsck(image);

        String hostModules = "/lib/modules/" + Ext2Oracle.kernelVersion(app);
        Path dump = tmp.resolve("rdump");
        Ext2Oracle.rdump(image, dump);
        // the modules are only in the ext2 build, under /usr/lib/modules when /lib is the usrmerge link
        String modules = "/" + dump.toRealPath().relativize(dump.resolve(hostModules.substring(1)).toRealPath());
        Map<String, Ext2Oracle.Meta> want = Ext2Oracle.scan(chroot, true);
        Map<String, Ext2Oracle.Meta> got = Ext2Oracle.scan(dump, true);
        got.remove("/lost+found");
        got.keySet().removeIf(p -> p.startsWith(modules + "/") || (modules + "/").startsWith(p + "/") && !want.containsKey(p));
        // rdump keeps regular files, directories and symlinks, and only the permission bits
        Map<String, Ext2Oracle.Meta> wantDumped = new TreeMap<>();
        want.forEach((p, m) -> {
            if (m.isDumpable()) {
                wantDumped.put(p, m.withoutSpecialBits());
            }
        });
        // both builds copy the host's /tmp and /var/tmp, whose mtimes change while tests run
        for (String busy : List.of("/tmp", "/var/tmp")) {
            wantDumped.computeIfPresent(busy, (p, m) -> m.withMtime(0));
            got.computeIfPresent(busy, (p, m) -> m.withMtime(0));
        }
        Ext2Oracle.assertSameTree(wantDumped, got);

        // full modes, owners and inode numbers from the image's own directory listings
        Map<String, Ext2Oracle.Listed> listed = Ext2Oracle.list(image, Ext2Oracle.directories(dump));
        for (Map.Entry<String, Ext2Oracle.Meta> e : want.entrySet()) {
            Ext2Oracle.Listed l = listed.get(e.getKey());
            assertTrue(l != null, e.getKey() + " missing from the image's listing");
            assertEquals(Integer.toOctalString(e.getValue().mode()), Integer.toOctalString(l.mode()), e.getKey() + " mode");
            assertEquals(e.getValue().uid() + ":" + e.getValue().gid(), l.uid() + ":" + l.gid(), e.getKey() + " owner");
        }
        assertEquals(Ext2Oracle.hardLinkGroups(chroot, want.keySet()), Ext2Oracle.hardLinkGroups(listed, want.keySet()),
                "hard-link groups (paths sharing an inode)");
        assertFalse(Ext2Oracle.hardLinkGroups(listed, want.keySet()).isEmpty(), "the fixture has hard links");

        // what rdump drops: setuid bits and device numbers
        String suid = Tools.run("debugfs", "-R", "stat /opt/special/suid", image.toString()).orFail("stat").stdout();
        assertTrue(suid.contains("Mode:  04755"), suid);
        assertTrue(suid.contains("User:  1000   Group:  1000"), suid);
        String dev = Tools.run("debugfs", "-R", "stat /opt/special/null", image.toString()).orFail("stat").stdout();
        assertTrue(dev.contains("Type: character special"), dev);
        assertTrue(dev.contains("Device major/minor number: 01:03"), dev);

        // the kernel's modules are in the image as on the host
        Map<String, Ext2Oracle.Meta> onHost = Ext2Oracle.scan(Path.of(hostModules), false);
        Map<String, Ext2Oracle.Meta> inImage = Ext2Oracle.scan(dump.resolve(modules.substring(1)), false);
        onHost.remove("/");
        inImage.remove("/");
        assertEquals(onHost.keySet(), inImage.keySet(), "files under " + hostModules);
        onHost.forEach((p, m) -> assertEquals(m.content(), inImage.get(p).content(), hostModules + p));
    }

    @Test
    void applianceBootsInQemuAndRunsItsInit() throws IOException {
        Tools.requireTool("qemu-system-x86_64", "/usr/bin/qemu-system-x86_64", "apt-get install qemu-system-x86");
        Path d = tmp.resolve("boot.d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "mount", "-o", d.toString())
                .orFail("prepare");
        Path src = tmp.resolve("init-src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("init"), String.join("\n",
                "#!/bin/bash",
                "echo APPLIANCE-BOOTED",
                "ls /usr/bin/bash",
                "mount -t proc proc /proc 2>/dev/null",
                "echo MOUNTS-BEGIN",
                "cat /proc/mounts",
                "echo MOUNTS-END",
                "echo o > /proc/sysrq-trigger",
                "sleep 30",
                ""));
        Tools.run("chmod", "0755", src.resolve("init").toString()).orFail("chmod");
        Tools.run("tar", "--owner=0", "--group=0", "-czf", d.resolve("init.tar.gz").toString(), "-C", src.toString(),
                "init").orFail("tar init");
        Path app = build(d, "boot", Map.of());
        Result r = Tools.run(List.of("timeout", "300", "qemu-system-x86_64", "-nodefaults", "-nographic", "-m", "512",
                "-no-reboot", "-kernel", app.resolve("kernel").toString(), "-initrd", app.resolve("initrd").toString(),
                "-drive", "file=" + app.resolve("root") + ",format=raw,if=virtio", "-serial", "stdio",
                "-append", "console=ttyS0 root=/dev/vda panic=-1"), Map.of());
        String console = r.stdout();
        assertTrue(console.contains("APPLIANCE-BOOTED"), "the appliance's /init ran:\n" + console + r.stderr());
        assertTrue(console.contains("/usr/bin/bash"), console);
        String mounts = console.substring(console.indexOf("MOUNTS-BEGIN"), console.indexOf("MOUNTS-END"));
        assertTrue(mounts.lines().anyMatch(l -> l.matches("\\S+ / ext[234] .*")), "root on ext2:\n" + mounts);
        assertTrue(mounts.lines().anyMatch(l -> l.startsWith("proc /proc proc ")), mounts);
        assertFalse(console.contains("Kernel panic - not syncing: Attempted to kill init"), "powered off cleanly:\n" + console);
    }

    @Test
    void twoBuildsGiveIdenticalRootAndInitrd() throws IOException {
        // without SOURCE_DATE_EPOCH the host's mtimes are inputs: leave out /tmp and /var/tmp, which change
        Path stable = tmp.resolve("stable.d");
        Tools.run("cp", "-a", small.toString(), stable.toString()).orFail("cp");
        Files.writeString(stable.resolve("excludefiles"), "-/tmp\n-/var/tmp\n");
        for (Map<String, String> env : List.of(Map.of("SOURCE_DATE_EPOCH", EPOCH), Map.<String, String>of())) {
            Path d = env.isEmpty() ? stable : small;
            Path a = build(d, "a" + env.size(), env);
            Path b = build(d, "b" + env.size(), env);
            assertEquals(Ext2Oracle.digests(a), Ext2Oracle.digests(b), "kernel, initrd and root with " + env);
        }
    }

    @Test
    void ifNewerCoversKernelInitrdAndRoot() throws IOException {
        Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", EPOCH);
        Path out = build(small, "ifn", env, "--if-newer");
        Map<String, String> first = Ext2Oracle.digests(out);
        Result same = Tools.jsupermin(env, "--build", "--if-newer", "-v", "-f", "ext2", small.toString(), "-o",
                out.toString()).orFail("second");
        assertTrue(same.stdout().contains("supermin: if-newer: output does not need rebuilding"), same.stdout());
        for (String gone : List.of("kernel", "initrd", "root")) {
            Files.delete(out.resolve(gone));
            Result r = Tools.jsupermin(env, "--build", "--if-newer", "-v", "-f", "ext2", small.toString(), "-o",
                    out.toString()).orFail("after deleting " + gone);
            assertTrue(r.stdout().contains("if-newer: rebuilding because"), gone + ": " + r.stdout());
            assertEquals(first, Ext2Oracle.digests(out), "all three restored after deleting " + gone);
        }
    }

    @Test
    void badInputsFailWithOneLineAndKeepThePreviousAppliance() throws IOException {
        Path out = build(small, "bad", Map.of());
        Map<String, String> before = Ext2Oracle.digests(out);
        String kernel = Files.readSymbolicLink(out.resolve("kernel")).toString();
        Map<String, Map<String, String>> envs = new LinkedHashMap<>();
        Map<String, List<String>> argsFor = new LinkedHashMap<>();
        argsFor.put("too small", List.of("--size", "8M"));
        argsFor.put("unparsable size", List.of("--size", "12Q"));
        argsFor.put("no kernel", List.of());
        envs.put("no kernel", Map.of("SUPERMIN_KERNEL", "/nonexistent"));
        argsFor.put("no modules", List.of());
        envs.put("no modules", Map.of("SUPERMIN_KERNEL", kernel, "SUPERMIN_MODULES", "/nonexistent"));
        argsFor.put("version without modules", List.of());
        envs.put("version without modules", Map.of("SUPERMIN_KERNEL", kernel, "SUPERMIN_KERNEL_VERSION", "0.0.1-none"));
        Map<String, String> expected = Map.of("too small", "--size", "unparsable size", "12Q",
                "no kernel", "/nonexistent", "no modules", "/nonexistent", "version without modules", "0.0.1-none");
        for (Map.Entry<String, List<String>> c : argsFor.entrySet()) {
            List<String> args = new ArrayList<>(List.of("--build", "-f", "ext2"));
            args.addAll(c.getValue());
            args.addAll(List.of(small.toString(), "-o", out.toString()));
            Result r = Tools.jsupermin(envs.getOrDefault(c.getKey(), Map.of()), args.toArray(String[]::new));
            String what = c.getKey() + ": " + r.stderr();
            assertEquals(1, r.exit(), what);
            assertEquals(1, r.stderr().strip().lines().count(), what);
            assertTrue(r.stderr().startsWith("supermin: "), what);
            assertTrue(r.stderr().contains(expected.get(c.getKey())), what);
            assertEquals(before, Ext2Oracle.digests(out), "previous appliance after " + c.getKey());
        }
    }

    @Test
    void copyKernelCopiesAndTheDefaultLinks() throws IOException {
        Path linked = build(small, "linked", Map.of());
        assertTrue(Files.isSymbolicLink(linked.resolve("kernel")));
        Path host = Files.readSymbolicLink(linked.resolve("kernel"));
        assertTrue(host.isAbsolute() && host.getFileName().toString().startsWith("vmlinuz"), host.toString());
        Path copied = build(small, "copied", Map.of(), "--copy-kernel");
        Path k = copied.resolve("kernel");
        assertTrue(Files.isRegularFile(k, LinkOption.NOFOLLOW_LINKS), "a regular file");
        assertArrayEquals(Files.readAllBytes(host), Files.readAllBytes(k));
    }

    @Test
    void imageIsSparseAndDefaultsToFourGiB() throws IOException {
        Path app = build(small, "sparse", Map.of());
        Path root = app.resolve("root");
        assertEquals(4294967296L, Files.size(root));
        long allocated = Long.parseLong(Tools.run("stat", "-c", "%b", root.toString()).orFail("stat").stdout().strip()) * 512;
        assertTrue(allocated < 1L << 30, "allocated " + allocated + " bytes of 4 GiB");
        Path sized = build(small, "sized", Map.of(), "--size", "1G");
        assertEquals(1L << 30, Files.size(sized.resolve("root")));
        Ext2Oracle.e2fsck(sized.resolve("root"));
    }

    @Test
    void bigApplianceBuildsAndPassesE2fsck() throws IOException {
        Path d = tmp.resolve("big.d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "python3", "perl", "git", "curl",
                "-o", d.toString()).orFail("prepare big");
        Path app = build(d, "big", Map.of());
        Ext2Oracle.e2fsck(app.resolve("root"));
        for (String f : List.of("/usr/bin/python3", "/usr/bin/perl", "/usr/bin/git", "/usr/bin/curl")) {
            Result r = Tools.run("debugfs", "-R", "stat " + f, app.resolve("root").toString()).orFail("stat " + f);
            assertFalse(r.stderr().contains("not found"), f + ": " + r.stderr());
        }
    }

    @Test
    void excludefilesLeaveTheKernelsModulesWholeAndExcludedPackageFilesNoTraceButFreeBlocks() throws IOException {
        // the modules and the packages' files are copied into the image while the tree is still
        // worked out; what excludefiles then removes must leave a consistent image. As in
        // supermin, excludefiles are for the packages' files: the kernel's module tree goes in whole
        Path d = tmp.resolve("excluding.d");
        Tools.run("cp", "-a", small.toString(), d.toString()).orFail("cp");
        // /bin/ls names /usr/bin/ls through the usrmerge link: copied ahead, then left out
        Files.writeString(d.resolve("excludefiles"), "-/lib/modules/*\n-/usr/lib/modules/*/kernel/sound\n"
                + "-/usr/share/doc/*\n-/bin/ls\n");
        Path app = build(d, "excluding", Map.of());
        Path root = app.resolve("root");
        Ext2Oracle.e2fsck(root);
        String version = Ext2Oracle.kernelVersion(app);
        String kernel = Tools.run("debugfs", "-R", "ls /usr/lib/modules/" + version + "/kernel", root.toString())
                .orFail("ls kernel").stdout();
        assertTrue(kernel.contains("fs") && kernel.contains("sound"), kernel);
        String doc = Tools.run("debugfs", "-R", "ls /usr/share/doc", root.toString()).orFail("ls doc").stdout();
        assertFalse(doc.contains("bash"), doc);
        Result ls = Tools.run("debugfs", "-R", "stat /usr/bin/ls", root.toString()).orFail("stat ls");
        assertTrue(ls.stderr().contains("not found"), ls.stdout() + ls.stderr());
        Result cat = Tools.run("debugfs", "-R", "stat /usr/bin/cat", root.toString()).orFail("stat cat");
        assertFalse(cat.stderr().contains("not found"), cat.stderr());
    }

    @Test
    void aFailureWhileTheModulesAreBeingCopiedLeavesThePreviousApplianceAndNoStaging() throws IOException {
        Path out = build(small, "midway", Map.of());
        Map<String, String> before = Ext2Oracle.digests(out);
        // reading the appliance fails after the kernel's modules started to be copied into a new image
        Path d = tmp.resolve("bad-excludes.d");
        Tools.run("cp", "-a", small.toString(), d.toString()).orFail("cp");
        Files.writeString(d.resolve("excludefiles"), "-/usr/share/doc/*\n/usr/share/man/*\n");
        Result r = Tools.jsupermin(Map.of(), "--build", "-f", "ext2", d.toString(), "-o", out.toString());
        assertEquals(1, r.exit(), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        assertTrue(r.stderr().contains(d.resolve("excludefiles").toString()), r.stderr());
        assertEquals(before, Ext2Oracle.digests(out), "previous appliance");
        try (java.util.stream.Stream<Path> siblings = Files.list(tmp)) {
            List<String> left = siblings.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".midway.jsupermin-") && !n.endsWith("-stamp")).toList();
            assertTrue(left.isEmpty(), "staging left behind: " + left);
        }
    }
}
