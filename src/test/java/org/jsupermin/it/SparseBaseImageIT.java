package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsupermin.testing.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sparse files in base images, archived by GNU tar ({@code tar -S}) in each of its sparse
 * formats: a chroot gets them sparse ({@code du}) with their content ({@code cmp} against the
 * original), an ext2 image keeps their holes ({@code debugfs}), a tar output holds them as pax
 * sparse members (GNU tar extracts them sparse, with their content).
 */
class SparseBaseImageIT {

    private static final long GIB = 1L << 30;

    @TempDir
    static Path tmp;
    private static Path src;

    @BeforeAll
    static void makeFiles() throws IOException {
        Ext2Oracle.requireTools();
        src = Files.createDirectory(tmp.resolve("src"));
        try (RandomAccessFile f = new RandomAccessFile(src.resolve("big").toFile(), "rw")) {
            f.setLength(10 * GIB);
            f.seek(12345);
            f.write("start".getBytes(StandardCharsets.US_ASCII));
            f.seek(5 * GIB);
            f.write("middle".getBytes(StandardCharsets.US_ASCII));
            f.seek(10 * GIB - 3);
            f.write("end".getBytes(StandardCharsets.US_ASCII));
        }
        try (RandomAccessFile f = new RandomAccessFile(src.resolve("small-sparse").toFile(), "rw")) {
            f.setLength(64L << 20);
            for (int k = 1; k < 8; k++) {
                f.seek(k * (8L << 20) - 100_000);
                f.write(("segment " + k + " ").repeat(20_000).getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** A supermin.d whose base image is {@code files} of src archived by {@code tar -S} in {@code format}. */
    private static Path appliance(String name, String format, String... files) {
        Path d = tmp.resolve(name + ".d");
        Tools.run("mkdir", "-p", d.toString()).orFail("mkdir");
        Tools.run("sh", "-c", "echo base-files > " + d.resolve("packages")).orFail("packages");
        List<String> tar = new java.util.ArrayList<>(List.of("tar", "-S"));
        tar.addAll(format.equals("gnu") ? List.of("--format=gnu")
                : List.of("--format=pax", "--sparse-version=" + format.substring(3)));
        tar.addAll(List.of("-C", src.toString(), "-czf", d.resolve("base.tar.gz").toString()));
        tar.addAll(List.of(files));
        Tools.run(tar, java.util.Map.of()).orFail("tar " + format);
        return d;
    }

    private static long allocatedKib(Path file) {
        return Long.parseLong(Tools.run("du", "-k", file.toString()).orFail("du").stdout().split("\t")[0]);
    }

    /** {@code text} at {@code at}, zeros in the 4 KiB on either side. */
    private static void assertAround(Path file, long at, String text) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, at - 4096);
            byte[] got = new byte[(int) (Math.min(f.length(), at + text.length() + 4096) - from)];
            f.seek(from);
            f.readFully(got);
            byte[] want = new byte[got.length];
            byte[] t = text.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(t, 0, want, (int) (at - from), t.length);
            assertEquals(new String(want, StandardCharsets.ISO_8859_1), new String(got, StandardCharsets.ISO_8859_1),
                    file + " around " + at);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "pax0.0", "pax0.1", "pax1.0"})
    void aChrootKeepsTheHoles(String format) throws IOException {
        Path d = appliance("chroot-" + format, format, "./big", "./small-sparse");
        Path out = tmp.resolve("chroot-" + format);
        Tools.jsupermin("--build", "-f", "chroot", d.toString(), "-o", out.toString()).orFail("build " + format);
        assertEquals(10 * GIB, Files.size(out.resolve("big")));
        assertTrue(allocatedKib(out.resolve("big")) < 1024, "allocated " + allocatedKib(out.resolve("big")) + " KiB");
        // (cmp on 10 GiB takes a minute: the three written places and their surroundings instead,
        // the rest being holes as du says)
        assertAround(out.resolve("big"), 12345, "start");
        assertAround(out.resolve("big"), 5 * GIB, "middle");
        assertAround(out.resolve("big"), 10 * GIB - 3, "end");
        Tools.run("cmp", src.resolve("small-sparse").toString(), out.resolve("small-sparse").toString())
                .orFail("cmp small-sparse");
        assertTrue(allocatedKib(out.resolve("small-sparse")) < 4096);
        Tools.run("rm", "-rf", out.toString(), d.toString()).orFail("rm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "pax1.0"})
    void anExt2ImageKeepsTheHoles(String format) throws IOException {
        Path d = appliance("ext2-" + format, format, "./small-sparse");
        Path out = tmp.resolve("ext2-" + format);
        Tools.jsupermin("--build", "-f", "ext2", d.toString(), "-o", out.toString()).orFail("build " + format);
        Path image = out.resolve("root");
        Ext2Oracle.e2fsck(image);
        String stat = Tools.run("debugfs", "-R", "stat /small-sparse", image.toString()).orFail("stat").stdout();
        assertTrue(stat.contains("Size: " + (64L << 20)), stat);
        long blocks = Long.parseLong(stat.replaceAll("(?s).*Blockcount: (\\d+).*", "$1"));
        assertTrue(blocks * 512 < (8L << 20), "blocks " + blocks);
        Path dumped = tmp.resolve("dumped-" + format);
        Tools.run("debugfs", "-R", "dump /small-sparse " + dumped, image.toString()).orFail("dump");
        Tools.run("cmp", src.resolve("small-sparse").toString(), dumped.toString()).orFail("cmp");
        Tools.run("rm", "-rf", out.toString(), d.toString(), dumped.toString()).orFail("rm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "pax0.1"})
    void aTarOutputKeepsTheHoles(String format) throws IOException {
        Path d = appliance("tar-" + format, format, "./big", "./small-sparse");
        Path out = tmp.resolve("out-" + format + ".tar");
        Tools.jsupermin("--build", "-f", "tar", d.toString(), "-o", out.toString()).orFail("build " + format);
        assertTrue(Files.size(out) < (64L << 20), "the 10 GiB file is not written out: " + Files.size(out));
        String listing = Tools.run("tar", "-tvf", out.toString(), "./big").orFail("list").stdout();
        assertTrue(listing.contains(" " + 10 * GIB + " "), listing);
        Path x = Files.createDirectory(tmp.resolve("x-" + format));
        Tools.run("tar", "-C", x.toString(), "-xf", out.toString(), "./big", "./small-sparse").orFail("extract");
        Tools.run("cmp", src.resolve("small-sparse").toString(), x.resolve("small-sparse").toString()).orFail("cmp");
        assertEquals(10 * GIB, Files.size(x.resolve("big")));
        assertTrue(allocatedKib(x.resolve("big")) < 1024, "allocated " + allocatedKib(x.resolve("big")) + " KiB");
        assertAround(x.resolve("big"), 12345, "start");
        assertAround(x.resolve("big"), 5 * GIB, "middle");
        assertAround(x.resolve("big"), 10 * GIB - 3, "end");
        Tools.run("rm", "-rf", out.toString(), d.toString(), x.toString()).orFail("rm");
    }
}
