package org.jsupermin.format.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a real module of the host kernel after compressing it with the real gzip, xz and zstd
 * tools, the way distributions ship .ko.gz, .ko.xz (CRC32 check) and .ko.zst modules.
 */
class ModuleFilesIT {

    @TempDir
    Path dir;

    @Test
    void compressedModulesReadBackToTheOriginalBytes() throws Exception {
        Kernel kernel = new KernelLocator(Path.of("/"), System.getenv(), "x86_64").locate();
        List<KernelModule> ext4 = ModuleDependencies.read(kernel.modulesDir()).closure(List.of("ext4"));
        KernelModule module = ext4.get(ext4.size() - 1);
        assertEquals("ext4", module.name());
        byte[] original = ModuleFiles.read(module.file());
        Path ko = Files.write(dir.resolve("ext4.ko"), original);
        exec("gzip", "-9nk", ko.toString());
        exec("xz", "--check=crc32", "-k", ko.toString());
        exec("zstd", "-q", "-19", "-k", ko.toString());
        for (String suffix : List.of(".gz", ".xz", ".zst")) {
            assertArrayEquals(original, ModuleFiles.read(Path.of(ko + suffix)), suffix);
        }
        assertEquals(0x7f, original[0]);
        assertEquals('E', original[1]);
    }

    private static void exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }
}
