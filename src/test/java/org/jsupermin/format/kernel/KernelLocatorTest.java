package org.jsupermin.format.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelLocatorTest {

    @TempDir
    Path root;

    private Path bootKernel(String version, boolean withModules) throws IOException {
        Files.createDirectories(root.resolve("boot"));
        Path image = Files.writeString(root.resolve("boot/vmlinuz-" + version), "kernel " + version);
        if (withModules) {
            Files.createDirectories(root.resolve("lib/modules/" + version));
        }
        return image;
    }

    private Kernel locate(Map<String, String> env, String cpu) throws KernelException {
        return new KernelLocator(root, env, cpu).locate();
    }

    @Test
    void picksTheNewestVersionComparingNumbersNaturally() throws Exception {
        bootKernel("6.1.0-9-amd64", true);
        bootKernel("6.1.0-56-amd64", true);
        bootKernel("6.10.0-1-amd64", true);
        bootKernel("6.9.12-amd64", true);
        Kernel k = locate(Map.of(), "x86_64");
        assertEquals("6.10.0-1-amd64", k.version());
        assertEquals(root.resolve("boot/vmlinuz-6.10.0-1-amd64"), k.image());
        assertEquals(root.resolve("lib/modules/6.10.0-1-amd64"), k.modulesDir());
    }

    @Test
    void skipsDebugXenAndOtherCpuKernels() throws Exception {
        bootKernel("6.1.0-56-amd64", true);
        bootKernel("7.0.0-1-arm64", true);
        bootKernel("7.0.0-1-686-pae", true);
        bootKernel("7.0.0-1-amd64-dbg", true);
        bootKernel("7.0.0-debug", true);
        bootKernel("7.0.0-xen-amd64", true);
        Files.writeString(root.resolve("boot/.vmlinuz-7.0.0-amd64.hmac"), "x");
        Files.writeString(root.resolve("boot/vmlinuz-7.0.0-amd64.hmac"), "x");
        assertEquals("6.1.0-56-amd64", locate(Map.of(), "x86_64").version());
    }

    @Test
    void hostCpuSelectsTheMatchingArchitecture() throws Exception {
        bootKernel("6.1.0-56-amd64", true);
        bootKernel("6.1.0-56-arm64", true);
        bootKernel("5.0.0-1", true); // names no CPU at all: suits everyone but is older
        assertEquals("6.1.0-56-arm64", locate(Map.of(), "aarch64").version());
        assertEquals("6.1.0-56-amd64", locate(Map.of(), "x86_64").version());
        assertEquals("5.0.0-1", locate(Map.of(), "s390x").version());
    }

    @Test
    void libModulesVmlinuzComesBeforeBoot() throws Exception {
        bootKernel("6.9.0-200.fc40.x86_64", true);
        Path dir = Files.createDirectories(root.resolve("lib/modules/6.8.0-100.fc40.x86_64"));
        Files.writeString(dir.resolve("vmlinuz"), "kernel");
        Kernel k = locate(Map.of(), "x86_64");
        assertEquals("6.8.0-100.fc40.x86_64", k.version());
        assertEquals(dir.resolve("vmlinuz"), k.image());
        assertEquals(dir, k.modulesDir());
    }

    @Test
    void prefersANewestKernelThatHasModules() throws Exception {
        bootKernel("6.1.0-56-amd64", true);
        bootKernel("6.2.0-1-amd64", false);
        assertEquals("6.1.0-56-amd64", locate(Map.of(), "x86_64").version());
    }

    @Test
    void aKernelWithoutModulesIsAClearError() throws Exception {
        bootKernel("6.2.0-1-amd64", false);
        KernelException e = assertThrows(KernelException.class, () -> locate(Map.of(), "x86_64"));
        assertEquals("kernel 6.2.0-1-amd64 has no modules in " + root.resolve("lib/modules/6.2.0-1-amd64")
                + "; install the modules package of that kernel or set SUPERMIN_MODULES", e.getMessage());
    }

    @Test
    void noKernelAtAllIsAClearError() throws Exception {
        Files.createDirectories(root.resolve("boot"));
        bootKernel("6.1.0-56-arm64", true);
        KernelException e = assertThrows(KernelException.class, () -> locate(Map.of(), "x86_64"));
        assertTrue(e.getMessage().startsWith("no kernel found in " + root + "/boot or " + root + "/lib/modules"), e.getMessage());
        assertTrue(e.getMessage().contains("vmlinuz-6.1.0-56-arm64"), e.getMessage());
        assertTrue(e.getMessage().endsWith("install linux-image-amd64 (or your distribution's kernel package) or set SUPERMIN_KERNEL"),
                e.getMessage());
    }

    @Test
    void anUnreadableKernelSaysHowToFixIt() throws Exception {
        Path image = bootKernel("6.1.0-56-amd64", true);
        KernelLocator locator = new KernelLocator(root, Map.of(), "x86_64", p -> !p.equals(image));
        KernelException e = assertThrows(KernelException.class, locator::locate);
        assertEquals("kernel " + image + " is not readable by this user; run `sudo chmod 0644 " + root.resolve("boot")
                + "/vmlinuz-*` or set SUPERMIN_KERNEL to a readable kernel", e.getMessage());
    }

    @Test
    void anUnreadableLibModulesKernelNamesTheFileItself() throws Exception {
        Path image = Files.writeString(Files.createDirectories(root.resolve("lib/modules/6.8.0-1.x86_64")).resolve("vmlinuz"), "k");
        KernelLocator locator = new KernelLocator(root, Map.of(), "x86_64", p -> false);
        KernelException e = assertThrows(KernelException.class, locator::locate);
        assertTrue(e.getMessage().contains("`sudo chmod 0644 " + image + "`"), e.getMessage());
    }

    @Test
    void hostCpuChoosesTheKernel() throws Exception {
        bootKernel("6.1.0-56-amd64", true);
        bootKernel("6.1.0-56-arm64", true);
        assertEquals("6.1.0-56-arm64", new KernelLocator(root, Map.of(), "aarch64").locate().version());
    }

    @Test
    void environmentVariablesComeFirst() throws Exception {
        bootKernel("6.1.0-56-amd64", true);
        Path custom = Files.writeString(root.resolve("bzImage"), "custom");
        Path mods = Files.createDirectories(root.resolve("kmods/lib/modules/9.9"));
        Kernel k = locate(Map.of("SUPERMIN_KERNEL", custom.toString(), "SUPERMIN_KERNEL_VERSION", "9.9",
                "SUPERMIN_MODULES", mods.toString()), "x86_64");
        assertEquals(new Kernel("9.9", custom, mods), k);
    }

    @Test
    void supermin_modulesAloneOverridesTheModulesOfTheChosenKernel() throws Exception {
        bootKernel("6.1.0-56-amd64", true);
        Path mods = Files.createDirectories(root.resolve("elsewhere"));
        assertEquals(mods, locate(Map.of("SUPERMIN_MODULES", mods.toString()), "x86_64").modulesDir());
    }

    @Test
    void forcedKernelVersionComesFromTheFileName() throws Exception {
        Path image = bootKernel("6.3.1-7-amd64", true);
        Kernel k = locate(Map.of("SUPERMIN_KERNEL", image.toString()), "x86_64");
        assertEquals("6.3.1-7-amd64", k.version());
        assertEquals(root.resolve("lib/modules/6.3.1-7-amd64"), k.modulesDir());
    }

    @Test
    void forcedKernelVersionComesFromTheBzImageHeader() throws Exception {
        Path image = root.resolve("bzImage");
        Files.write(image, fakeBzImage("6.12.3-rc1+ (builder@host) #1 SMP PREEMPT_DYNAMIC"));
        Files.createDirectories(root.resolve("lib/modules/6.12.3-rc1+"));
        Kernel k = locate(Map.of("SUPERMIN_KERNEL", image.toString()), "x86_64");
        assertEquals("6.12.3-rc1+", k.version());
    }

    @Test
    void forcedKernelWithoutAnyVersionIsAClearError() throws Exception {
        Path image = Files.writeString(root.resolve("bzImage"), "not a kernel");
        KernelException e = assertThrows(KernelException.class,
                () -> locate(Map.of("SUPERMIN_KERNEL", image.toString()), "x86_64"));
        assertEquals("cannot tell the version of kernel " + image + "; set SUPERMIN_KERNEL_VERSION", e.getMessage());
    }

    @Test
    void forcedKernelThatDoesNotExistIsAClearError() {
        Path image = root.resolve("nope");
        KernelException e = assertThrows(KernelException.class,
                () -> locate(Map.of("SUPERMIN_KERNEL", image.toString()), "x86_64"));
        assertTrue(e.getMessage().startsWith("SUPERMIN_KERNEL=" + image + ": no such kernel file"), e.getMessage());
    }

    /** A file laid out like a bzImage's real-mode header, with the version text at 0x200 + pointer. */
    static byte[] fakeBzImage(String versionText) {
        ByteBuffer b = ByteBuffer.allocate(0x1000).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0x202, "HdrS".getBytes(StandardCharsets.US_ASCII));
        int pointer = 0x300;
        b.putShort(0x20E, (short) pointer);
        b.put(0x200 + pointer, versionText.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }
}
