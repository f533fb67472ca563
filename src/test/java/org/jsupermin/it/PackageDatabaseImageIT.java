package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package database in chroot and tar outputs, read by the real dpkg and apt inside the
 * image; {@code --no-package-db}; the warning about what a container image lacks.
 */
class PackageDatabaseImageIT {

    @TempDir
    Path tmp;

    private Path prepare(String name, String... packages) {
        Path d = tmp.resolve(name + ".d");
        List<String> args = new ArrayList<>(List.of("--prepare", "--use-installed"));
        args.addAll(List.of(packages));
        args.addAll(List.of("-o", d.toString()));
        Tools.jsupermin(args.toArray(String[]::new)).orFail("prepare");
        return d;
    }

    private static String inChroot(Path root, String... cmd) {
        List<String> args = new ArrayList<>(List.of("chroot", root.toString()));
        args.addAll(List.of(cmd));
        return Tools.run(args, java.util.Map.of("LC_ALL", "C")).orFail(String.join(" ", cmd)).stdout();
    }

    @Test
    void dpkgAndAptInTheChrootSeeExactlyItsPackages() throws Exception {
        Path d = prepare("apt", "bash", "coreutils", "dpkg", "apt");
        Path out = tmp.resolve("apt");
        Result built = Tools.jsupermin("--build", "-f", "chroot", "--include-packagelist", d.toString(), "-o",
                out.toString()).orFail("build");
        assertFalse(built.stderr().contains("warning"), "no warning for a chroot: " + built.stderr());
        TreeSet<String> expected = new TreeSet<>();
        for (String line : Files.readAllLines(out.resolve("packagelist"))) {
            String[] nva = line.split("_");
            expected.add(nva[0] + " " + nva[1] + " " + nva[2]);
        }
        TreeSet<String> listed = new TreeSet<>(inChroot(out, "dpkg-query", "-W", "-f",
                "${Package} ${Version} ${Architecture}\\n").lines().toList());
        assertEquals(expected, listed, "dpkg-query -W in the image lists exactly the image's packages");
        assertEquals(Tools.run("dpkg", "-L", "bash").orFail("dpkg -L on the host").stdout(), inChroot(out, "dpkg", "-L", "bash"));
        assertEquals("", inChroot(out, "dpkg", "--verify", "bash", "coreutils", "dpkg"),
                "the image's files match the md5sums of their packages");
        assertEquals("", inChroot(out, "dpkg", "--audit"));
        assertTrue(inChroot(out, "dpkg", "-l", "bash").lines().anyMatch(l -> l.startsWith("ii  bash ")));
        long installed = inChroot(out, "apt", "list", "--installed").lines().filter(l -> l.contains("[installed")).count();
        assertEquals(expected.size(), installed, "apt list --installed");
        for (String f : List.of("var/lib/dpkg/status", "var/lib/dpkg/info/bash.list")) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(out.resolve(f))), f);
        }
    }

    @Test
    void noPackageDbLeavesTheDatabaseOut() {
        Path d = prepare("nodb", "bash", "coreutils");
        Path with = tmp.resolve("with");
        Path without = tmp.resolve("without");
        Tools.jsupermin("--build", "-f", "chroot", d.toString(), "-o", with.toString()).orFail("build");
        Tools.jsupermin("--build", "-f", "chroot", "--no-package-db", d.toString(), "-o", without.toString())
                .orFail("build --no-package-db");
        assertTrue(Files.isRegularFile(with.resolve("var/lib/dpkg/status")));
        assertTrue(Files.isRegularFile(with.resolve("var/lib/dpkg/info/coreutils.list")));
        assertFalse(Files.exists(without.resolve("var/lib/dpkg/status")));
        assertFalse(Files.exists(without.resolve("var/lib/dpkg/info/coreutils.list")));
    }

    @Test
    void aTarWithoutShellOrAccountsSaysSoOnceWithThePackagesThatProvideThem() {
        Path d = prepare("bare", "coreutils");
        Result tar = Tools.jsupermin("--build", "-f", "tar", d.toString(), "-o", tmp.resolve("bare.tar").toString())
                .orFail("build");
        List<String> warnings = tar.stderr().lines().filter(l -> l.contains("warning:")).toList();
        assertEquals(List.of("supermin: warning: the image has no /bin/sh or /etc/passwd or /etc/group: a Dockerfile RUN"
                + " or a shell-form docker run command fails and a USER or docker run --user naming a user fails; add"
                + " base-passwd dash to the packages"), warnings);
        Result chroot = Tools.jsupermin("--build", "-f", "chroot", d.toString(), "-o", tmp.resolve("bare").toString())
                .orFail("build");
        assertFalse(chroot.stderr().contains("warning"), "a chroot is not a container image: " + chroot.stderr());
        Path full = prepare("full", "coreutils", "dash", "base-passwd");
        Result fine = Tools.jsupermin("--build", "-f", "tar", full.toString(), "-o", tmp.resolve("full.tar").toString())
                .orFail("build");
        assertFalse(fine.stderr().contains("warning"), fine.stderr());
    }
}
