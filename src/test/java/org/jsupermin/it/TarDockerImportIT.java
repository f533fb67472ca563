package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsupermin.testing.DockerEngine;
import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -f tar} of real host packages, imported into and run by a real Docker engine. */
class TarDockerImportIT {

    private static DockerEngine docker;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startDocker() throws Exception {
        docker = DockerEngine.start();
    }

    @AfterAll
    static void stopDocker() {
        if (docker != null) {
            docker.close();
        }
    }

    private Path prepare(String name, String... packages) {
        Path d = tmp.resolve(name + ".d");
        List<String> args = new java.util.ArrayList<>(List.of("--prepare", "--use-installed"));
        args.addAll(List.of(packages));
        args.addAll(List.of("-o", d.toString()));
        Tools.jsupermin(args.toArray(String[]::new)).orFail("prepare");
        return d;
    }

    private String dockerRun(String image, String... cmd) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--rm", "--network", "none", image));
        args.addAll(List.of(cmd));
        var r = docker.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), "docker run " + List.of(cmd) + ": " + r.stderr());
        return r.stdout();
    }

    @Test
    void baseImageRunsAsRootWhoeverBuiltIt() throws Exception {
        Path d = prepare("small", "bash", "coreutils", "mawk", "base-passwd");
        Path asRoot = tmp.resolve("root.tar");
        Tools.jsupermin("--build", "-f", "tar", d.toString(), "-o", asRoot.toString()).orFail("build as root");
        Path asUser = buildAsNobody(d);
        for (Path tar : List.of(asRoot, asUser)) {
            String tag = "jsupermin-small-" + tar.getFileName().toString().replace(".tar", "") + ":1";
            docker.importTar(tar, tag);
            String out = dockerRun(tag, "/bin/bash", "-c", "id -un; awk 'BEGIN{print 1}'; ls -ln /usr/bin");
            List<String> lines = out.lines().toList();
            assertEquals("root", lines.get(0), out);
            assertEquals("1", lines.get(1), out);
            long files = lines.stream().filter(l -> l.startsWith("-")).count();
            assertTrue(files > 50, out);
            assertTrue(lines.stream().filter(l -> l.startsWith("-")).allMatch(l -> l.split("\\s+")[2].equals("0")
                    && l.split("\\s+")[3].equals("0")), "every file root-owned:\n" + out);
        }
        // the ordinary user's archive is the root's, byte for byte
        assertEquals(sha256(asRoot), sha256(asUser));
    }

    /** Builds the tar as the unprivileged user nobody, from a copy of the jar nobody can read. */
    private Path buildAsNobody(Path d) throws IOException {
        Path home = Files.createTempDirectory(Path.of("/tmp"), "jsupermin-user");
        Tools.run("cp", "-r", Tools.JAR.toString(), Tools.JAR.getParent().resolve("lib").toString(), home.toString()).orFail("cp jar");
        Tools.run("cp", "-r", d.toString(), home.resolve("d").toString()).orFail("cp d");
        Tools.run("chmod", "-R", "a+rwX", home.toString()).orFail("chmod");
        Path out = home.resolve("user.tar");
        Result r = Tools.run(List.of("runuser", "-u", "nobody", "--", "java", "-jar", home.resolve("jsupermin.jar").toString(),
                "--build", "-f", "tar", home.resolve("d").toString(), "-o", out.toString()), Map.of("LC_CTYPE", "C.UTF-8"));
        r.orFail("build as nobody");
        Path copy = tmp.resolve("user.tar");
        Files.copy(out, copy);
        Tools.run("rm", "-rf", home.toString());
        return copy;
    }

    @Test
    void pythonPerlAndGitRunAndStdoutStreamsIntoDockerImport() throws Exception {
        Path d = prepare("big", "bash", "coreutils", "python3", "perl", "git", "curl");
        Result imported = Tools.run(List.of("bash", "-c", "set -o pipefail; " + Tools.LAUNCHER + " --build -f tar " + d
                + " -o - | docker import - jsupermin-big:1"), Map.of("DOCKER_HOST", docker.host()));
        imported.orFail("build -o - | docker import");
        assertEquals("42", dockerRun("jsupermin-big:1", "python3", "-c", "print(6*7)").strip());
        assertEquals("4", dockerRun("jsupermin-big:1", "perl", "-e", "print 2+2").strip());
        assertTrue(dockerRun("jsupermin-big:1", "git", "--version").startsWith("git version"));
    }

    @Test
    void dpkgInTheImageListsItsPackages() throws Exception {
        Path d = prepare("dpkg", "bash", "coreutils", "dpkg");
        Path tar = tmp.resolve("dpkg.tar");
        Tools.jsupermin("--build", "-f", "tar", d.toString(), "-o", tar.toString()).orFail("build");
        docker.importTar(tar, "jsupermin-dpkg:1");
        String listed = dockerRun("jsupermin-dpkg:1", "dpkg", "-l");
        assertTrue(listed.lines().anyMatch(l -> l.startsWith("ii  bash ")), listed);
        assertTrue(listed.lines().anyMatch(l -> l.startsWith("ii  dpkg ")), listed);
        assertTrue(listed.lines().noneMatch(l -> l.startsWith("ii  python3")), "only the image's packages: " + listed);
        assertEquals(Tools.run("dpkg", "-L", "coreutils").orFail("dpkg -L").stdout(),
                dockerRun("jsupermin-dpkg:1", "dpkg", "-L", "coreutils"));
        assertEquals("", dockerRun("jsupermin-dpkg:1", "dpkg", "--verify", "coreutils"));
    }

    @Test
    void ownersSetuidAndCapabilitiesSurviveTheRoundTrip() throws Exception {
        Path d = prepare("caps", "bash", "coreutils", "passwd", "iputils-ping");
        Path tar = tmp.resolve("caps.tar");
        Tools.jsupermin("--build", "-f", "tar", d.toString(), "-o", tar.toString()).orFail("build");
        String listing = Tools.run("tar", "--numeric-owner", "-tvf", tar.toString()).orFail("tar -tvf").stdout();
        String passwd = listing.lines().filter(l -> l.endsWith(" ./usr/bin/passwd")).findFirst().orElseThrow();
        assertTrue(passwd.startsWith("-rwsr-xr-x 0/0 "), passwd);
        assertTrue(listing.lines().allMatch(l -> l.split("\\s+")[1].startsWith("0/") || l.contains("./etc/shadow")
                || l.split("\\s+")[1].matches("\\d+/\\d+")), "numeric owners");

        docker.importTar(tar, "jsupermin-caps:1");
        var created = docker.run("create", "jsupermin-caps:1", "/bin/true");
        assertEquals(0, created.exitCode(), created.stderr());
        Path exported = tmp.resolve("exported.tar");
        assertEquals(0, docker.run("export", "-o", exported.toString(), created.stdout().strip()).exitCode());
        Path x = tmp.resolve("x");
        Files.createDirectories(x);
        Tools.run("tar", "--xattrs", "--xattrs-include=*", "-xpf", exported.toString(), "-C", x.toString(), "usr/bin/ping").orFail("extract");
        String cap = Tools.run("getcap", x.resolve("usr/bin/ping").toString()).orFail("getcap").stdout();
        assertTrue(cap.contains("cap_net_raw"), "capability after import/export: " + cap);
    }

    @Test
    void twoBuildsAreByteIdentical() throws Exception {
        Path d = prepare("repro", "bash", "coreutils");
        // a host file whose mtime moves between builds, as /tmp's and /run's do
        Path moving = Files.createTempFile(Path.of("/tmp"), "jsupermin-moving", ".txt");
        Files.writeString(d.resolve("hostfiles"), moving + "\n");
        Path a = tmp.resolve("a.tar");
        Path b = tmp.resolve("b.tar.gz");
        Path c = tmp.resolve("c.tar.gz");
        Tools.jsupermin("--build", "-f", "tar", d.toString(), "-o", a.toString()).orFail("a");
        Files.setLastModifiedTime(moving, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Tools.jsupermin("--build", "-f", "tar", d.toString(), "-o", b.toString()).orFail("b");
        Tools.jsupermin("--build", "-f", "tar", d.toString(), "-o", c.toString()).orFail("c");
        assertEquals(sha256(b), sha256(c));
        Result stdout = Tools.run("bash", "-c", Tools.LAUNCHER + " --build -f tar " + d + " -o - | sha256sum");
        assertEquals(sha256(a), stdout.stdout().split(" ")[0]);
        Files.delete(moving);
        // with SOURCE_DATE_EPOCH, newer timestamps are clamped to it
        Result clamped = Tools.jsupermin(Map.of("SOURCE_DATE_EPOCH", "1000000000"), "--build", "-f", "tar", d.toString(),
                "-o", tmp.resolve("e.tar").toString()).orFail("epoch");
        String listing = Tools.run("tar", "--full-time", "-tvf", tmp.resolve("e.tar").toString()).orFail("tar").stdout();
        assertTrue(listing.contains("./usr/bin/bash") && listing.lines().noneMatch(l -> l.contains(" 2026-")), clamped.stderr());
    }

    private static String sha256(Path f) {
        return Tools.run("sha256sum", f.toString()).orFail("sha256sum").stdout().split(" ")[0];
    }
}
