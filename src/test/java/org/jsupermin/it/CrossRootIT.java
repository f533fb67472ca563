package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsupermin.testing.RpmRoot;
import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --root} with any distribution's database: driver detection, and bad databases and
 * package files giving one clear error, exit 1 and nothing written.
 */
class CrossRootIT {

    @TempDir
    static Path tmp;
    static RpmRoot.Fixture rpm;

    @BeforeAll
    static void rpmRoot() throws Exception {
        rpm = RpmRoot.create(tmp.resolve("rpm"));
    }

    @Test
    void listDriversReportsAllFourAndWhichOneTheRootHas() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty-root"));
        Map<Path, String> roots = Map.of(rpm.root(), "fedora/rpm",
                Path.of("test-fixtures/pacman/root"), "arch/pacman",
                Path.of("test-fixtures/apk/root"), "alpine/apk",
                empty, "");
        for (Map.Entry<Path, String> e : roots.entrySet()) {
            Result r = Tools.jsupermin("--root", e.getKey().toString(), "--list-drivers").orFail("--list-drivers");
            List<String> lines = r.stdout().lines().toList();
            assertEquals(List.of("debian/dpkg", "fedora/rpm", "arch/pacman", "alpine/apk"),
                    lines.stream().map(l -> l.split("\t")[0]).toList(), r.stdout());
            for (String line : lines) {
                String[] f = line.split("\t");
                assertEquals(f[0].equals(e.getValue()) ? "detected" : "not-detected", f[1], e.getKey() + ": " + line);
            }
        }
    }

    @Test
    void rootWithNoKnownDatabase() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        String err = failsCleanly("empty", "--root", empty.toString(), "--prepare", "x");
        assertTrue(err.contains("no package database found under " + empty), err);
        assertTrue(err.contains("--list-drivers"), err);
    }

    @Test
    void corruptRpmdb() throws IOException {
        Path root = copyRoot("corrupt");
        Path db = root.resolve("var/lib/rpm/rpmdb.sqlite");
        int page = Integer.parseInt(Tools.run("sqlite3", db.toString(),
                "SELECT rootpage FROM sqlite_master WHERE name = 'Packages'").orFail("sqlite3").stdout().strip());
        try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
            raf.seek(16);
            int pageSize = raf.readUnsignedShort();
            raf.seek((long) (page - 1) * pageSize);
            raf.write(0);
        }
        String err = failsCleanly("corrupt", "--root", root.toString(), "--prepare", "hello");
        assertEquals("supermin: reading " + db + ": page " + page + ": bad b-tree page type 0x00", err);

        Files.writeString(db, "this is not a database\n".repeat(200));
        err = failsCleanly("garbage", "--root", root.toString(), "--prepare", "hello");
        assertEquals("supermin: reading " + db + ": not an SQLite 3 database", err);
    }

    @Test
    void truncatedHeaderInTheDatabase() throws IOException {
        Path root = copyRoot("truncated");
        Path db = root.resolve("var/lib/rpm/rpmdb.sqlite");
        Tools.run("sqlite3", db.toString(), "UPDATE Packages SET blob = substr(blob, 1, 200) WHERE hnum = 2")
                .orFail("sqlite3");
        String err = failsCleanly("truncated", "--root", root.toString(), "--prepare", "hello");
        assertTrue(err.startsWith("supermin: reading " + db + ": package 2: truncated rpm header"), err);
    }

    @Test
    void truncatedPackageFiles() throws IOException {
        Path root = copyRoot("pkgfiles");
        Path helloRpm = rpm.rpms().resolve("hello-2.0-1.x86_64.rpm");
        long size = Files.size(helloRpm);
        for (long keep : new long[] {size - 300, 600, 50}) {
            Path dir = Files.createDirectories(tmp.resolve("bad-rpms-" + keep));
            Path bad = dir.resolve(helloRpm.getFileName());
            Files.copy(helloRpm, bad);
            try (RandomAccessFile raf = new RandomAccessFile(bad.toFile(), "rw")) {
                raf.setLength(keep);
            }
            String err = failsCleanly("payload-" + keep, "--root", root.toString(), "--prepare", "hello",
                    "--packages-from", dir.toString());
            assertTrue(err.startsWith("supermin: reading " + bad + ": "), keep + ": " + err);
        }
    }

    /**
     * Runs a prepare that must fail with its own temporary directory; returns its one stderr line
     * after checking exit 1, no output directory, no leftovers beside it or in the temp dir.
     */
    private static String failsCleanly(String name, String... args) throws IOException {
        Path parent = Files.createDirectories(tmp.resolve("out-" + name));
        Path javaTmp = Files.createDirectories(tmp.resolve("javatmp-" + name));
        Path out = parent.resolve("d");
        List<String> cmd = new ArrayList<>(List.of("java", "-Djava.io.tmpdir=" + javaTmp, "-jar", Tools.JAR.toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-o", out.toString()));
        Result r = Tools.run(cmd, Map.of());
        assertEquals(1, r.exit(), r.stderr());
        assertEquals("", r.stdout());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        assertFalse(Files.exists(out), "no output on error");
        for (Path dir : List.of(parent, javaTmp)) {
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(List.of(), s.toList(), "leftovers in " + dir);
            }
        }
        return r.stderr().strip();
    }

    private static Path copyRoot(String name) {
        Path copy = tmp.resolve("root-" + name);
        Tools.run("cp", "-a", rpm.root().toString(), copy.toString()).orFail("cp -a");
        return copy;
    }
}
