package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jsupermin.testing.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --size-report} credits the bytes under an excluded directory to the rule that matched the
 * directory, and {@code --minimize} leaves the same files out of a chroot, a tar archive and an
 * ext2 image, on this host's bash and coreutils (whose documentation, manual pages and
 * translations are directories of their own under /usr/share).
 */
class MinimizeIT {

    private static final String DOC = "/usr/share/doc/";
    private static final String MAN = "/usr/share/man/";
    private static final String INFO = "/usr/share/info/";
    private static final String LOCALE = "/usr/share/locale/";

    @TempDir
    Path tmp;
    private Path appliance;
    /** Regular files of a plain chroot build, by appliance path, with their sizes. */
    private Map<String, Long> plain;

    @BeforeEach
    void prepareAndBuildPlain() throws IOException {
        appliance = tmp.resolve("d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "-o", appliance.toString()).orFail("prepare");
        Path out = tmp.resolve("plain");
        Tools.jsupermin("--build", "-f", "chroot", appliance.toString(), "-o", out.toString()).orFail("plain build");
        plain = files(out);
        for (String dir : List.of(DOC, MAN, LOCALE)) {
            assertTrue(bytesUnder(plain, dir) > 0, "the host's bash and coreutils bring files under " + dir);
        }
    }

    /** Regular files under {@code root} at their appliance paths, with their sizes. */
    private static Map<String, Long> files(Path root) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.put("/" + root.relativize(p), Files.size(p));
                }
            }
        }
        return files;
    }

    private static long bytesUnder(Map<String, Long> files, String dir) {
        long sum = 0;
        for (Map.Entry<String, Long> f : files.entrySet()) {
            if (f.getKey().startsWith(dir)) {
                sum += f.getValue();
            }
        }
        return sum;
    }

    /** The "bytes removed" lines of a size report, by rule. */
    private static Map<String, Long> removedPerRule(String stderr) {
        Map<String, Long> rules = new TreeMap<>();
        boolean in = false;
        for (String line : stderr.split("\n")) {
            if (line.startsWith("size report: bytes removed")) {
                in = true;
            } else if (line.startsWith("size report:")) {
                in = false;
            } else if (in) {
                String[] parts = line.strip().split("  ", 2);
                rules.put(parts[1], Long.parseLong(parts[0]));
            }
        }
        return rules;
    }

    @Test
    void sizeReportCreditsEachByteToTheRuleThatMatchedItsDirectory() throws IOException {
        Path d = tmp.resolve("excluding.d");
        Files.createDirectories(d);
        try (Stream<Path> s = Files.list(appliance)) {
            for (Path p : s.toList()) {
                Files.copy(p, d.resolve(p.getFileName()));
            }
        }
        Files.writeString(d.resolve("excludefiles"), "-/usr/share/doc/*\n-/usr/share/man/*\n-/usr/share/locale/*\n");
        Path out = tmp.resolve("excluded");
        String report = Tools.jsupermin("--build", "-f", "chroot", "--size-report", d.toString(), "-o", out.toString())
                .orFail("build with excludefiles").stderr();
        Map<String, Long> expected = new TreeMap<>(Map.of(
                "-/usr/share/doc/*", bytesUnder(plain, DOC),
                "-/usr/share/man/*", bytesUnder(plain, MAN),
                "-/usr/share/locale/*", bytesUnder(plain, LOCALE)));
        assertEquals(expected, removedPerRule(report), report);
        Map<String, Long> left = files(out);
        assertEquals(0, bytesUnder(left, DOC) + bytesUnder(left, MAN) + bytesUnder(left, LOCALE));
    }

    @Test
    void ifNewerRebuildsWhenMinimizeOrItsLocalesChange() throws IOException {
        Path out = tmp.resolve("cached");
        String a = appliance.toString();
        Tools.jsupermin("--build", "-f", "chroot", "--if-newer", a, "-o", out.toString()).orFail("first build");
        assertTrue(bytesUnder(files(out), MAN) > 0);
        Tools.jsupermin("--build", "-f", "chroot", "--if-newer", "--minimize", a, "-o", out.toString()).orFail("minimized");
        assertEquals(0, bytesUnder(files(out), MAN) + bytesUnder(files(out), LOCALE + "de/"));
        Tools.jsupermin("--build", "-f", "chroot", "--if-newer", "--minimize", "--locale", "de", a, "-o", out.toString())
                .orFail("minimized, German kept");
        assertEquals(bytesUnder(plain, LOCALE + "de/"), bytesUnder(files(out), LOCALE + "de/"));
    }

    /** The paths a minimized build keeps under /usr/share's minimized directories. */
    private static TreeSet<String> minimizedPaths(Iterable<String> paths) {
        TreeSet<String> kept = new TreeSet<>();
        for (String p : paths) {
            if (p.startsWith(DOC) || p.startsWith(MAN) || p.startsWith(INFO) || p.startsWith(LOCALE)) {
                kept.add(p);
            }
        }
        return kept;
    }

    @Test
    void minimizeLeavesTheSameFilesOutOfChrootTarAndExt2() throws IOException {
        Path chroot = tmp.resolve("min-chroot");
        String report = Tools.jsupermin("--build", "-f", "chroot", "--minimize", "--locale", "de", "--size-report",
                appliance.toString(), "-o", chroot.toString()).orFail("minimized chroot").stderr();
        TreeSet<String> kept = minimizedPaths(files(chroot).keySet());

        // what is left: copyright files and German translations, exactly those of the plain build
        TreeSet<String> expected = new TreeSet<>();
        for (String p : plain.keySet()) {
            if ((p.startsWith(DOC) && p.endsWith("/copyright") && p.indexOf('/', DOC.length()) == p.lastIndexOf('/'))
                    || p.startsWith(LOCALE + "de/") || p.startsWith(LOCALE + "de_")) {
                expected.add(p);
            }
        }
        assertTrue(expected.contains("/usr/share/doc/coreutils/copyright"), expected.toString());
        assertEquals(expected, kept);

        // the size report names each rule with what it removed
        Map<String, Long> removed = removedPerRule(report);
        long copyrights = 0;
        long german = 0;
        for (String p : expected) {
            if (p.startsWith(DOC)) {
                copyrights += plain.get(p);
            } else {
                german += plain.get(p);
            }
        }
        assertEquals(bytesUnder(plain, DOC) - copyrights, removed.get("--minimize: /usr/share/doc/* (copyright files kept)"), report);
        assertEquals(bytesUnder(plain, MAN), removed.get("--minimize: /usr/share/man/*"), report);
        assertEquals(bytesUnder(plain, LOCALE) - german, removed.get("--minimize: /usr/share/locale/* (--locale ones kept)"), report);

        // a tar archive holds the same files
        Path tar = tmp.resolve("min.tar");
        Tools.jsupermin("--build", "-f", "tar", "--minimize", "--locale", "de", appliance.toString(), "-o", tar.toString())
                .orFail("minimized tar");
        List<String> inTar = new ArrayList<>();
        for (String line : Tools.run("tar", "-tvf", tar.toString()).orFail("tar -tvf").stdout().split("\n")) {
            if (line.startsWith("-")) { // regular files: "-rw-r--r-- 0/0 1234 2000-01-01 00:00 ./usr/share/..."
                String name = line.substring(line.indexOf(" ./") + 2);
                inTar.add(name);
            }
        }
        assertEquals(kept, minimizedPaths(inTar));
        assertFalse(minimizedPaths(inTar).isEmpty());

        // and so does an ext2 image
        Ext2Oracle.requireTools();
        Path app = tmp.resolve("min-ext2");
        Tools.jsupermin("--build", "-f", "ext2", "--minimize", "--locale", "de", appliance.toString(), "-o", app.toString())
                .orFail("minimized ext2");
        Ext2Oracle.e2fsck(app.resolve("root"));
        Path dump = tmp.resolve("rdump");
        Ext2Oracle.rdump(app.resolve("root"), dump);
        assertEquals(kept, minimizedPaths(files(dump).keySet()));
    }
}
