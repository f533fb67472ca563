package org.jsupermin.format.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import io.airlift.compress.zstd.ZstdOutputStream;

class InitrdWriterTest {

    private static final long EPOCH = 1_700_000_000L;

    @TempDir
    Path dir;
    private List<KernelModule> modules;
    private final Map<String, byte[]> contents = new LinkedHashMap<>();

    @BeforeEach
    void modules() throws Exception {
        modules = List.of(
                module("virtio_ring", "virtio_ring.ko", null),
                module("jbd2", "jbd2.ko.gz", GzipCompressorOutputStream::new),
                module("crc32c_intel", "crc32c-intel.ko.xz", o -> new XZOutputStream(o, new LZMA2Options())),
                module("ext4", "ext4.ko.zst", ZstdOutputStream::new));
    }

    interface Compressor {
        OutputStream wrap(OutputStream out) throws Exception;
    }

    private KernelModule module(String name, String file, Compressor compressor) throws Exception {
        byte[] elf = ("\177ELF fake module " + name + " ").repeat(50).getBytes(StandardCharsets.US_ASCII);
        contents.put(name, elf);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (OutputStream out = compressor == null ? packed : compressor.wrap(packed)) {
            out.write(elf);
        }
        return new KernelModule(name, Files.write(dir.resolve(file), packed.toByteArray()));
    }

    private byte[] initrd(List<KernelModule> mods) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new InitrdWriter(EPOCH).write(mods, out);
        return out.toByteArray();
    }

    @Test
    void twoWritesAreByteIdentical() throws Exception {
        byte[] first = initrd(modules);
        byte[] second = initrd(modules);
        assertArrayEquals(first, second);
        Path file = dir.resolve("initrd");
        new InitrdWriter(EPOCH).write(modules, file);
        assertArrayEquals(first, Files.readAllBytes(file));
        // an uncompressed newc archive, as supermin writes
        assertEquals("070701", new String(first, 0, 6, StandardCharsets.US_ASCII));
        assertEquals(0, first.length % 512, "padded to whole cpio blocks");
    }

    @Test
    void holdsInitModulesInLoadOrderAndMountPoints() throws Exception {
        List<String> names = new ArrayList<>();
        Map<String, byte[]> data = new LinkedHashMap<>();
        List<Long> inodes = new ArrayList<>();
        try (CpioArchiveInputStream in = new CpioArchiveInputStream(new ByteArrayInputStream(initrd(modules)))) {
            CpioArchiveEntry e;
            while ((e = in.getNextCPIOEntry()) != null) {
                names.add(e.getName());
                data.put(e.getName(), in.readAllBytes());
                inodes.add(e.getInode());
                assertEquals(0, e.getUID());
                assertEquals(0, e.getGID());
                assertEquals(EPOCH, e.getTime(), e.getName()); // cpio times are seconds
                switch (e.getName()) {
                    case "init" -> assertEquals(0100755, e.getMode());
                    case "dev/console" -> {
                        assertEquals(0020600, e.getMode());
                        assertEquals(5, e.getRemoteDeviceMaj());
                        assertEquals(1, e.getRemoteDeviceMin());
                    }
                    case "dev", "modules", "proc", "root", "sys" -> assertEquals(0040755, e.getMode());
                    default -> assertEquals(0100644, e.getMode(), e.getName());
                }
            }
        }
        assertEquals(List.of("dev", "dev/console", "init", "modules", "modules/01-virtio_ring.ko", "modules/02-jbd2.ko",
                "modules/03-crc32c_intel.ko", "modules/04-ext4.ko", "modules/load-order", "proc", "root", "sys"), names);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L), inodes);
        assertEquals("01-virtio_ring.ko\n02-jbd2.ko\n03-crc32c_intel.ko\n04-ext4.ko\n",
                new String(data.get("modules/load-order"), StandardCharsets.UTF_8));
        assertArrayEquals(contents.get("virtio_ring"), data.get("modules/01-virtio_ring.ko"));
        assertArrayEquals(contents.get("jbd2"), data.get("modules/02-jbd2.ko"));
        assertArrayEquals(contents.get("crc32c_intel"), data.get("modules/03-crc32c_intel.ko"));
        assertArrayEquals(contents.get("ext4"), data.get("modules/04-ext4.ko"));
        byte[] init = data.get("init");
        assertArrayEquals(InitProgram.bytes(), init);
        assertTrue(init.length > 10_000 && init[0] == 0x7f && init[1] == 'E' && init[2] == 'L' && init[3] == 'F');
    }

    @Test
    void anInitrdWithoutModulesStillHasAnEmptyLoadOrder() throws Exception {
        try (CpioArchiveInputStream in = new CpioArchiveInputStream(new ByteArrayInputStream(initrd(List.of())))) {
            CpioArchiveEntry e;
            List<String> names = new ArrayList<>();
            while ((e = in.getNextCPIOEntry()) != null) {
                names.add(e.getName());
            }
            assertEquals(List.of("dev", "dev/console", "init", "modules", "modules/load-order", "proc", "root", "sys"), names);
        }
    }

    @Test
    void anUnreadableModuleNamesTheFile() throws Exception {
        KernelModule broken = new KernelModule("bad", Files.writeString(dir.resolve("bad.ko.xz"), "not xz"));
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> initrd(List.of(broken)));
        assertTrue(e.getMessage().startsWith("reading kernel module " + dir.resolve("bad.ko.xz")), e.getMessage());
    }
}
