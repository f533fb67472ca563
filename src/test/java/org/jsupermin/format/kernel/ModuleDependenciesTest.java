package org.jsupermin.format.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleDependenciesTest {

    private static final Path SAMPLE = Path.of("test-fixtures/kernel/modules-6.1-sample");

    @Test
    void theInitrdTakesSuperminsSetWithBothSpellingsLessTheVirtioGpu() throws Exception {
        ModuleDependencies deps = ModuleDependencies.read(SAMPLE);
        assertEquals(List.of("ata_piix", "crc16", "crc32c_generic", "crc32c_intel", "crc_itu_t", "ext4", "libata",
                "libnvdimm", "nfit", "sd_mod", "virtio", "virtio_blk", "virtio_console", "virtio_dma_buf", "virtio_pci",
                "virtio_pci_legacy_dev", "virtio_pci_modern_dev", "virtio_ring", "virtio_rng", "virtiofs"),
                deps.matching(ModulePatterns.INITRD), "ext2 and ahci are built in; ata_generic, drm and snd match nothing");
        assertTrue(ModulePatterns.INITRD.matches("virtio-rng.ko"));
        assertFalse(ModulePatterns.INITRD.matches("virtio-gpu"));
        assertFalse(ModulePatterns.INITRD.matches("virtio_gpu.ko.xz"));
        assertTrue(new ModulePatterns(List.of("crc-itu*"), List.of()).matches("crc_itu_t"));
    }

    @Test
    void initrdModulesAreLoadedDependenciesFirstWithTheDependenciesNoPatternTakes() throws Exception {
        ModuleDependencies deps = ModuleDependencies.read(SAMPLE);
        List<KernelModule> closure = deps.closure(deps.matching(ModulePatterns.INITRD));
        assertEquals(List.of("scsi_common", "scsi_mod", "libata", "ata_piix", "crc16", "crc32c_generic", "crc32c_intel",
                "crc_itu_t", "jbd2", "mbcache", "ext4", "libnvdimm", "nfit", "sd_mod", "virtio_ring", "virtio",
                "virtio_blk", "virtio_console", "virtio_dma_buf", "virtio_pci_modern_dev", "virtio_pci_legacy_dev",
                "virtio_pci", "virtio_rng", "fuse", "virtiofs"),
                closure.stream().map(KernelModule::name).toList());
        assertEquals(SAMPLE.resolve("kernel/arch/x86/crypto/crc32c-intel.ko"),
                closure.stream().filter(m -> m.name().equals("crc32c_intel")).findFirst().orElseThrow().file());
        assertEquals(SAMPLE.resolve("kernel/drivers/char/hw_random/virtio-rng.ko"),
                closure.stream().filter(m -> m.name().equals("virtio_rng")).findFirst().orElseThrow().file());
    }

    @Test
    void aPatternIsANameOrAPrefix() {
        assertThrows(IllegalArgumentException.class, () -> new ModulePatterns(List.of("vir*io"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ModulePatterns(List.of(""), List.of()));
        assertFalse(new ModulePatterns(List.of("sd_mod"), List.of()).matches("sd_mod_extra"));
    }

    @Test
    void everyDependencyComesBeforeItsUser_whateverOrderTheyAreAskedIn() throws Exception {
        ModuleDependencies deps = ModuleDependencies.read(SAMPLE);
        List<String> names = deps.closure(List.of("ext4", "ata_piix", "virtio_pci", "sd_mod")).stream()
                .map(KernelModule::name).toList();
        assertTrue(names.indexOf("jbd2") < names.indexOf("ext4"));
        assertTrue(names.indexOf("crc16") < names.indexOf("ext4"));
        assertTrue(names.indexOf("libata") < names.indexOf("ata_piix"));
        assertTrue(names.indexOf("scsi_common") < names.indexOf("scsi_mod"));
        assertTrue(names.indexOf("scsi_mod") < names.indexOf("libata"));
        assertTrue(names.indexOf("virtio_ring") < names.indexOf("virtio"));
        assertTrue(names.indexOf("virtio") < names.indexOf("virtio_pci"));
        assertEquals(names.size(), names.stream().distinct().count());
        assertFalse(names.contains("snd"));
        assertFalse(names.contains("soundcore"));
    }

    @Test
    void builtinModulesAreKnownAndNeverLoaded() throws Exception {
        ModuleDependencies deps = ModuleDependencies.read(SAMPLE);
        assertTrue(deps.isBuiltin("ahci"));
        assertTrue(deps.isBuiltin("ext2"));
        assertFalse(deps.isBuiltin("ext4"));
        assertTrue(deps.isModule("crc32c-intel"));
        assertEquals(List.of(), deps.closure(List.of("ahci", "ext2", "virtio_scsi")));
    }

    @Test
    void compressedModuleNamesAreUnderstood(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("modules.dep"), """
                kernel/fs/ext4/ext4.ko.xz: kernel/lib/crc16.ko.xz kernel/fs/jbd2/jbd2.ko.xz
                kernel/fs/jbd2/jbd2.ko.xz:
                kernel/lib/crc16.ko.xz:
                """);
        List<KernelModule> closure = ModuleDependencies.read(dir).closure(List.of("ext4"));
        assertEquals(List.of(new KernelModule("jbd2", dir.resolve("kernel/fs/jbd2/jbd2.ko.xz")),
                new KernelModule("crc16", dir.resolve("kernel/lib/crc16.ko.xz")),
                new KernelModule("ext4", dir.resolve("kernel/fs/ext4/ext4.ko.xz"))), closure);
    }

    @Test
    void everyLineEndingCommentAndBlankLineReadsAlike(@TempDir Path dir) throws Exception {
        String lines = "# comment\nkernel/fs/ext4/ext4.ko: kernel/lib/crc16.ko\tkernel/fs/jbd2/jbd2.ko \n  \n"
                + "kernel/fs/jbd2/jbd2.ko:\nkernel/lib/crc16.ko:";
        Files.writeString(dir.resolve("modules.dep"), lines);
        List<KernelModule> lf = ModuleDependencies.read(dir).closure(List.of("ext4"));
        assertEquals(List.of("jbd2", "crc16", "ext4"), lf.stream().map(KernelModule::name).toList());
        for (String end : List.of("\r\n", "\r")) {
            Files.writeString(dir.resolve("modules.dep"), lines.replace("\n", end));
            assertEquals(lf, ModuleDependencies.read(dir).closure(List.of("ext4")), end.replace("\r", "CR").replace("\n", "LF"));
        }
        Files.writeString(dir.resolve("modules.dep"), "a.ko:\r\n\r\nnonsense\r\n");
        KernelException e = assertThrows(KernelException.class, () -> ModuleDependencies.read(dir));
        assertTrue(e.getMessage().contains(" line 3: expected 'module.ko: deps...', got 'nonsense'"), e.getMessage());
    }

    @Test
    void aCycleIsReportedNotLoopedOver(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("modules.dep"), "a.ko: b.ko\nb.ko: a.ko\n");
        KernelException e = assertThrows(KernelException.class, () -> ModuleDependencies.read(dir).closure(List.of("a")));
        assertTrue(e.getMessage().contains("dependency cycle: a -> b -> a"), e.getMessage());
    }

    @Test
    void aMissingModulesDepSaysWhatToRun(@TempDir Path dir) {
        KernelException e = assertThrows(KernelException.class, () -> ModuleDependencies.read(dir));
        assertTrue(e.getMessage().startsWith("no modules.dep in " + dir), e.getMessage());
    }

    @Test
    void aMalformedLineIsReportedWithItsNumber(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("modules.dep"), "a.ko:\nnonsense\n");
        KernelException e = assertThrows(KernelException.class, () -> ModuleDependencies.read(dir));
        assertTrue(e.getMessage().startsWith("reading " + dir.resolve("modules.dep") + " line 2:"), e.getMessage());
    }

    @Test
    void aLongChainOfDependenciesIsPlacedWithoutOverflowingTheStack(@TempDir Path dir) throws Exception {
        int n = 100_000;
        StringBuilder dep = new StringBuilder();
        for (int i = 0; i < n; i++) {
            dep.append("kernel/m").append(i).append(".ko:").append(i + 1 < n ? " kernel/m" + (i + 1) + ".ko" : "").append('\n');
        }
        Files.writeString(dir.resolve("modules.dep"), dep);
        List<KernelModule> closure = ModuleDependencies.read(dir).closure(List.of("m0"));
        assertEquals(n, closure.size());
        assertEquals("m" + (n - 1), closure.get(0).name());
        assertEquals("m0", closure.get(n - 1).name());
    }
}
