package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --prepare} on this Debian host, side by side with the reference supermin. */
class PrepareIT {

    @TempDir
    Path tmp;

    @Test
    void sameOutputsAsTheReferenceWithUseInstalled() throws IOException {
        compareWithReference(true);
    }

    @Test
    void sameOutputsAsTheReferenceWithPristineConfigFiles() throws IOException {
        compareWithReference(false);
    }

    private void compareWithReference(boolean useInstalled) throws IOException {
        Path ours = tmp.resolve("ours.d");
        Path ref = tmp.resolve("ref.d");
        List<String> flags = useInstalled ? List.of("--use-installed") : List.of();
        Tools.jsupermin(args(flags, "--prepare", "bash", "coreutils", "-o", ours.toString())).orFail("jsupermin --prepare");
        Tools.reference(args(flags, "--prepare", "bash", "coreutils", "-o", ref.toString())).orFail("supermin --prepare");

        assertEquals(Files.readString(ref.resolve("packages")), Files.readString(ours.resolve("packages")));
        assertEquals(members(ref.resolve("base.tar.gz")), members(ours.resolve("base.tar.gz")));
        assertTrue(members(ours.resolve("base.tar.gz")).contains("./etc/bash.bashrc"));
    }

    @Test
    void baseImageIsByteIdenticalAcrossRuns() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "-o", a.toString()).orFail("first");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "-o", b.toString()).orFail("second");
        assertArrayEquals(Files.readAllBytes(a.resolve("base.tar.gz")), Files.readAllBytes(b.resolve("base.tar.gz")));
        String listing = Tools.run("tar", "-tvzf", a.resolve("base.tar.gz").toString()).orFail("tar").stdout();
        for (String line : listing.split("\n")) {
            assertTrue(line.contains(" root/root ") && line.contains(" 2000-01-01 00:00 "), line);
        }
    }

    @Test
    void unknownPackageIsOneClearErrorAndNothingIsWritten() {
        Path out = tmp.resolve("out.d");
        Result r = Tools.jsupermin("--prepare", "bash", "no-such-package-xyz", "-o", out.toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.stderr().strip().split("\n").length, r.stderr());
        assertTrue(r.stderr().contains("no-such-package-xyz"), r.stderr());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void outputThatIsAnExistingFileIsRefused() throws IOException {
        Path out = tmp.resolve("file");
        Files.writeString(out, "keep me");
        Result r = Tools.jsupermin("--prepare", "bash", "-o", out.toString());
        assertEquals(2, r.exit(), "a usage error");
        assertTrue(r.stderr().startsWith("supermin: ") && r.stderr().contains(out.toString()), r.stderr());
        assertEquals("keep me", Files.readString(out));
    }

    @Test
    void malformedStatusFileIsNamedWithItsLine() throws IOException {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("var/lib/dpkg/info"));
        Files.writeString(root.resolve("var/lib/dpkg/status"),
                "Package: a\nStatus: install ok installed\nVersion: 1\nArchitecture: amd64\nthis line is wrong\n");
        Path out = tmp.resolve("out.d");
        Result r = Tools.jsupermin("--root", root.toString(), "--prepare", "a", "-o", out.toString());
        assertEquals(1, r.exit());
        assertTrue(r.stderr().contains(root.resolve("var/lib/dpkg/status").toString()) && r.stderr().contains("line 5"), r.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void previousOutputSurvivesAFailedPrepare() throws IOException {
        Path out = tmp.resolve("out.d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "-o", out.toString()).orFail("prepare");
        byte[] before = Files.readAllBytes(out.resolve("base.tar.gz"));
        Result r = Tools.jsupermin("--prepare", "--use-installed", "no-such-package-xyz", "-o", out.toString());
        assertEquals(1, r.exit());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("base.tar.gz")));
        assertEquals("bash\n", Files.readString(out.resolve("packages")));
    }

    @Test
    void explainAndGraph() throws IOException {
        Path dot = tmp.resolve("closure.dot");
        Result r = Tools.jsupermin("--prepare", "bash", "coreutils", "--explain", "libc6", "--graph", dot.toString())
                .orFail("explain");
        assertTrue(r.stdout().lines().anyMatch(l -> l.contains("(requested)")), r.stdout());
        assertTrue(r.stdout().contains("libc6"), r.stdout());
        Tools.requireTool("dot", "/usr/bin/dot", "apt-get install graphviz");
        Tools.run("dot", "-Tpng", "-o", tmp.resolve("closure.png").toString(), dot.toString()).orFail("dot");
        assertTrue(Files.size(tmp.resolve("closure.png")) > 1000);
    }

    @Test
    void optionsThatDoNotApplyAreSaidToBeIgnored() {
        Path out = tmp.resolve("ign.d");
        Result r = Tools.jsupermin("--prepare", "--use-installed", "--size", "1G", "--packager-config", "/etc/x.conf",
                "bash", "-o", out.toString()).orFail("prepare");
        assertTrue(r.stderr().contains("--size applies to --build only; ignored"), r.stderr());
        assertTrue(r.stderr().contains("--packager-config /etc/x.conf is not used"), r.stderr());
        Result b = Tools.jsupermin("--build", "-f", "chroot", "--copy-kernel", out.toString(), "-o", tmp.resolve("ign").toString())
                .orFail("build");
        assertTrue(b.stderr().contains("--copy-kernel applies to -f ext2 only; ignored"), b.stderr());
    }

    @Test
    void listDriversHasSupermindShape() {
        Result r = Tools.jsupermin("--list-drivers").orFail("--list-drivers");
        assertTrue(r.stdout().contains("debian/dpkg\tdetected"), r.stdout());
    }

    private List<String> leftovers() {
        try (var s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.contains("jsupermin")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String[] args(List<String> flags, String... rest) {
        List<String> all = new java.util.ArrayList<>(flags);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    private static TreeSet<String> members(Path tarGz) {
        String out = Tools.run(List.of("tar", "-tzf", tarGz.toString()), Map.of()).orFail("tar -tzf").stdout();
        return new TreeSet<>(out.lines().toList());
    }
}
