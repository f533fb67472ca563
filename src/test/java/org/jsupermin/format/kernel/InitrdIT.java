package org.jsupermin.format.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boots the host's real kernel in qemu with an initrd from {@link InitrdWriter} and an ext2 root
 * (made with mke2fs -d) whose /init is a tiny static program: the appliance must reach it with
 * the disk mounted as the real root.
 */
class InitrdIT {

    private static final int BOOT_TIMEOUT_SECONDS = 120;

    private static final String APPLIANCE_INIT = """
            #include <stdio.h>
            #include <string.h>
            #include <unistd.h>
            #include <sys/reboot.h>
            int main(void) {
                char line[512], root[256] = "none";
                FILE *m = fopen("/proc/mounts", "r");
                while (m && fgets(line, sizeof line, m)) {
                    char dev[128], dir[128], type[32];
                    if (sscanf(line, "%127s %127s %31s", dev, dir, type) == 3 && strcmp(dir, "/") == 0)
                        snprintf(root, sizeof root, "%s %s", dev, type);
                }
                printf("APPLIANCE-ROOT=%s\\n", root);
                printf("APPLIANCE-INITRAMFS-LEFT=%s\\n", access("/modules/load-order", F_OK) == 0 ? "yes" : "no");
                printf("APPLIANCE-INIT-OK\\n");
                fflush(stdout);
                sync();
                reboot(RB_POWER_OFF);
                return 0;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void theHostKernelBootsIntoTheApplianceInit() throws Exception {
        requireTool("qemu-system-x86_64");
        requireTool("mke2fs");
        requireTool("gcc");
        requireTool("cpio");

        Kernel kernel = new KernelLocator(Path.of("/"), System.getenv(), "x86_64").locate();
        assertTrue(Files.isDirectory(kernel.modulesDir().resolve("kernel")), kernel.toString());
        assertEquals(kernel.version(), KernelImageHeader.version(kernel.image()).orElseThrow(),
                "the bzImage header names the same release as the file");

        Path initrd = dir.resolve("initrd");
        new InitrdWriter(0).write(kernel, initrd);
        Path again = dir.resolve("initrd2");
        new InitrdWriter(0).write(kernel, again);
        assertArrayEquals(Files.readAllBytes(initrd), Files.readAllBytes(again), "two initrds are byte-identical");

        String listing = run(List.of("sh", "-c", "cpio -t --quiet < " + initrd), 60).output();
        List<String> members = List.of(listing.strip().split("\n"));
        for (String expected : List.of("dev", "dev/console", "init", "modules", "modules/load-order", "proc", "root", "sys")) {
            assertTrue(members.contains(expected), expected + " in " + members);
        }
        assertTrue(members.stream().anyMatch(m -> m.matches("modules/\\d+-virtio_blk\\.ko")), members.toString());
        assertTrue(members.stream().anyMatch(m -> m.matches("modules/\\d+-ext4\\.ko")), members.toString());

        Path rootDir = applianceRoot();
        Path image = dir.resolve("root.img");
        check(run(List.of("mke2fs", "-q", "-F", "-t", "ext2", "-E", "root_owner=0:0", "-d", rootDir.toString(),
                image.toString(), "64M"), 60));

        Result boot = run(List.of("qemu-system-x86_64", "-nodefaults", "-nographic", "-m", "512", "-no-reboot",
                "-kernel", kernel.image().toString(), "-initrd", initrd.toString(),
                "-drive", "file=" + image + ",format=raw,if=virtio", "-serial", "stdio",
                "-append", "console=ttyS0 root=/dev/vda panic=-1"), BOOT_TIMEOUT_SECONDS);
        String console = boot.output();
        Files.writeString(Path.of("target", "InitrdIT-console.log"), console);
        assertTrue(console.contains("APPLIANCE-INIT-OK"), "no APPLIANCE-INIT-OK on the console:\n" + tail(console));
        assertTrue(console.contains("APPLIANCE-ROOT=/dev/vda ext2"), "root is not /dev/vda as ext2:\n" + tail(console));
        assertTrue(console.contains("APPLIANCE-INITRAMFS-LEFT=no"), tail(console));
        assertTrue(console.contains("supermin: mounted /dev/vda (ext2) on /root"), tail(console));
    }

    @Test
    void withoutRootOnTheCommandLineTheExt2DiskIsFoundByItsSuperblockAndQuietSilencesInit() throws Exception {
        requireTool("qemu-system-x86_64");
        requireTool("mke2fs");
        requireTool("gcc");
        Kernel kernel = new KernelLocator(Path.of("/"), Map.of(), null).locate();
        Path initrd = dir.resolve("initrd");
        new InitrdWriter(0).write(kernel, initrd);
        Path rootDir = applianceRoot();
        Path blank = dir.resolve("blank.img");
        Files.write(blank, new byte[4 * 1024 * 1024]);
        Path image = dir.resolve("root.img");
        check(run(List.of("mke2fs", "-q", "-F", "-t", "ext2", "-d", rootDir.toString(), image.toString(), "64M"), 60));

        Result boot = run(List.of("qemu-system-x86_64", "-nodefaults", "-nographic", "-m", "512", "-no-reboot",
                "-kernel", kernel.image().toString(), "-initrd", initrd.toString(),
                "-drive", "file=" + blank + ",format=raw,if=virtio",
                "-drive", "file=" + image + ",format=raw,if=virtio", "-serial", "stdio",
                "-append", "console=ttyS0 panic=-1 quiet"), BOOT_TIMEOUT_SECONDS);
        String console = boot.output();
        Files.writeString(Path.of("target", "InitrdIT-scan-console.log"), console);
        assertTrue(console.contains("APPLIANCE-ROOT=/dev/vdb ext2"), "root is not /dev/vdb:\n" + tail(console));
        assertTrue(console.contains("APPLIANCE-INIT-OK"), tail(console));
        assertTrue(!console.contains("supermin: "), "quiet init printed:\n" + tail(console));
    }

    @Test
    void rootByUuidPicksTheDiskWithThatUuid() throws Exception {
        requireTool("qemu-system-x86_64");
        requireTool("mke2fs");
        requireTool("gcc");
        Kernel kernel = new KernelLocator(Path.of("/"), Map.of(), "x86_64").locate();
        Path initrd = dir.resolve("initrd");
        new InitrdWriter(0).write(kernel, initrd);
        Path rootDir = applianceRoot();
        Path decoy = dir.resolve("decoy.img");
        check(run(List.of("mke2fs", "-q", "-F", "-t", "ext2", "-U", "11111111-2222-3333-4444-555555555555",
                decoy.toString(), "8M"), 60));
        Path image = dir.resolve("root.img");
        String uuid = "01234567-89ab-cdef-0123-456789ABCDEF";
        check(run(List.of("mke2fs", "-q", "-F", "-t", "ext2", "-U", uuid.toLowerCase(java.util.Locale.ROOT),
                "-d", rootDir.toString(), image.toString(), "64M"), 60));
        Result boot = run(List.of("qemu-system-x86_64", "-nodefaults", "-nographic", "-m", "512", "-no-reboot",
                "-kernel", kernel.image().toString(), "-initrd", initrd.toString(),
                "-drive", "file=" + decoy + ",format=raw,if=virtio",
                "-drive", "file=" + image + ",format=raw,if=virtio", "-serial", "stdio",
                "-append", "console=ttyS0 panic=-1 quiet root=UUID=" + uuid), BOOT_TIMEOUT_SECONDS);
        String console = boot.output();
        assertTrue(console.contains("APPLIANCE-ROOT=/dev/vdb ext2"), "root is not /dev/vdb:\n" + tail(console));
        assertTrue(console.contains("APPLIANCE-INIT-OK"), tail(console));
    }

    @Test
    void aRootThatNeverAppearsIsReportedAndTheMachinePowersOff() throws Exception {
        requireTool("qemu-system-x86_64");
        Kernel kernel = new KernelLocator(Path.of("/"), Map.of(), "x86_64").locate();
        Path initrd = dir.resolve("initrd");
        new InitrdWriter(0).write(kernel, initrd);
        Result boot = run(List.of("qemu-system-x86_64", "-nodefaults", "-nographic", "-m", "512", "-no-reboot",
                "-kernel", kernel.image().toString(), "-initrd", initrd.toString(), "-serial", "stdio",
                "-append", "console=ttyS0 root=/dev/vdz panic=-1 quiet"), BOOT_TIMEOUT_SECONDS);
        String console = boot.output();
        assertTrue(console.contains("supermin: error: root device /dev/vdz did not appear within 5 seconds"),
                "errors are printed even when quiet:\n" + tail(console));
        assertTrue(!console.contains("Kernel panic"), "init powered off rather than exiting:\n" + tail(console));
    }

    /** A directory with /proc, /sys, /dev and a static /init printing what it sees, for mke2fs -d. */
    private Path applianceRoot() throws IOException, InterruptedException {
        Path rootDir = Files.createDirectories(dir.resolve("rootdir"));
        for (String d : List.of("proc", "sys", "dev", "tmp")) {
            Files.createDirectories(rootDir.resolve(d));
        }
        Path source = Files.writeString(dir.resolve("appliance-init.c"), APPLIANCE_INIT);
        check(run(List.of("gcc", "-static", "-Os", "-o", rootDir.resolve("init").toString(), source.toString()), 120));
        return rootDir;
    }

    private record Result(int exitCode, String output) {
    }

    private static void check(Result r) {
        if (r.exitCode() != 0) {
            fail("command failed with exit " + r.exitCode() + ":\n" + r.output());
        }
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    private static void requireTool(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, name))) {
                return;
            }
        }
        for (String d : List.of("/usr/sbin", "/sbin")) {
            if (Files.isExecutable(Path.of(d, name))) {
                return;
            }
        }
        fail(name + " is not installed; InitrdIT needs it (Debian: qemu-system-x86, e2fsprogs, gcc, cpio)");
    }

    /** Runs a command with stdin from /dev/null, collecting stdout and stderr; kills it after the timeout. */
    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(new File("/dev/null"));
        pb.environment().put("LANG", "C");
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin");
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the process was killed
            }
        });
        reader.start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(10_000);
        String text;
        synchronized (out) {
            text = out.toString(StandardCharsets.UTF_8);
        }
        if (!done) {
            fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n" + tail(text));
        }
        return new Result(p.exitValue(), text);
    }
}
