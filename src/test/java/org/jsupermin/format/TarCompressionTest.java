package org.jsupermin.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import io.airlift.compress.zstd.ZstdInputStream;
import org.jsupermin.testing.SampleTree;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.XZInputStream;

/** Compression choice by option and file name, and compressed archives that decompress to the plain tar. */
class TarCompressionTest {

    @TempDir
    Path dir;

    private static FormatContext context(ApplianceTree tree, String compression) {
        return FormatContext.of(tree, compression == null ? FormatOptions.NONE
                : FormatOptions.of(TarFormat.COMPRESSION, compression), Reporter.SILENT);
    }

    @Test
    void choosesByOptionThenByFileName() throws Exception {
        assertEquals(TarCompression.NONE, TarCompression.choose(null, "out.tar"));
        assertEquals(TarCompression.NONE, TarCompression.choose(null, "appliance"));
        assertEquals(TarCompression.GZIP, TarCompression.choose(null, "out.tar.gz"));
        assertEquals(TarCompression.GZIP, TarCompression.choose(null, "OUT.TGZ"));
        assertEquals(TarCompression.XZ, TarCompression.choose(null, "out.tar.xz"));
        assertEquals(TarCompression.ZSTD, TarCompression.choose(null, "out.tar.zst"));
        assertEquals(TarCompression.XZ, TarCompression.choose(null, ".out.tar.xz.tmp123"));
        assertEquals(TarCompression.NONE, TarCompression.choose("none", "out.tar.gz"));
        assertEquals(TarCompression.ZSTD, TarCompression.choose("zstd", "out.tar"));
        FormatException e = assertThrows(FormatException.class, () -> TarCompression.choose("bz2", "x"));
        assertEquals("unknown tar compression 'bz2'; use none, gzip, xz or zstd", e.getMessage());
    }

    @Test
    void compressedOutputsDecompressToThePlainTarAndAreReproducible() throws Exception {
        ApplianceTree tree = small(SampleTree.entries(dir));
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        new TarFormat().writeTo(context(tree, null), plain);
        for (String ext : new String[] {"tar.gz", "tar.xz", "tar.zst"}) {
            Path a = dir.resolve("a." + ext);
            Path b = dir.resolve("b." + ext);
            new TarFormat().write(context(tree, null), a);
            List<TreeEntry> shuffled = SampleTree.entries(dir);
            Collections.shuffle(shuffled, new Random(7));
            new TarFormat().write(context(small(shuffled), null), b);
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), ext + " reproducible");
            byte[] raw = Files.readAllBytes(a);
            InputStream in = switch (ext) {
                case "tar.gz" -> new GZIPInputStream(new ByteArrayInputStream(raw));
                case "tar.xz" -> new XZInputStream(new ByteArrayInputStream(raw));
                default -> new ZstdInputStream(new ByteArrayInputStream(raw));
            };
            assertArrayEquals(plain.toByteArray(), in.readAllBytes(), ext);
            assertEquals(true, raw.length < plain.size(), ext);
        }
    }

    /** The sample without its 5 MB random file, to keep xz quick. */
    private static ApplianceTree small(List<TreeEntry> entries) {
        return ApplianceTree.of(entries.stream().filter(e -> !e.path().equals("/usr/lib/big.bin")).toList());
    }

    @Test
    void streamingDoesNotCloseTheCallersStream() throws Exception {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new TarFormat().writeTo(context(SampleTree.tree(dir), "gzip"), out);
        assertEquals(false, closed[0]);
        assertEquals(0x1f, out.toByteArray()[0]);
        assertEquals(0x8b, out.toByteArray()[1] & 0xff);
    }
}
