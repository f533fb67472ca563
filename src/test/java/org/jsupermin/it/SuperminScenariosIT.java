package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scenarios supermin's own test suite documents (basic, binaries-exist, build-bash, harder,
 * if-newer-ext2), written afresh from what they check, and run with jsupermin and with the
 * reference supermin alike: whatever a script sees of supermin (exit statuses, what is on
 * standard output, the files built) it sees of jsupermin.
 */
class SuperminScenariosIT {

    @TempDir
    Path tmp;

    private static Result run(String tool, String... args) {
        return tool.equals("jsupermin") ? Tools.jsupermin(args) : Tools.reference(args);
    }

    /** Runs a command a script would run with {@code set -e}: exit 0 expected. */
    private static Result ok(String tool, String... args) {
        return run(tool, args).orFail(tool + " " + String.join(" ", args));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsupermin", "reference"})
    void basic(String tool) {
        Result help = ok(tool, "--help");
        assertTrue(help.stdout().contains("--prepare") && help.stdout().contains("--build"), help.stdout());
        Result version = ok(tool, "--version");
        assertTrue(version.stdout().startsWith("supermin"), version.stdout());
        Result drivers = ok(tool, "--list-drivers");
        List<String> detected = drivers.stdout().lines().filter(l -> !l.isBlank() && !l.contains("not-detected")).toList();
        assertEquals(List.of("debian/dpkg\tdetected"), detected, drivers.stdout());
        // an option supermin does not know is a usage error: status 2, nothing on standard output
        Result bogus = run(tool, "--no-such-option");
        assertEquals(2, bogus.exit(), bogus.stderr());
        assertEquals("", bogus.stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsupermin", "reference"})
    void binariesExist(String tool) throws IOException {
        Path d1 = tmp.resolve("d1");
        Path d2 = tmp.resolve("d2");
        verbose(ok(tool, "-v", "--prepare", "--use-installed", "bash", "coreutils", "-o", d1.toString()));
        verbose(ok(tool, "-v", "--build", "-f", "chroot", d1.toString(), "-o", d2.toString()));
        for (String name : List.of("bash", "sync")) {
            List<Path> found = find(d2, name);
            assertFalse(found.isEmpty(), name + " not built in the chroot");
            assertTrue(found.stream().anyMatch(SuperminScenariosIT::readableAndExecutableByAll), name + " mode: " + found);
        }
        // the binaries are the host's: the chroot's sync runs here
        Path sync = find(d2, "sync").stream().filter(p -> !p.toString().contains("/bash/")).findFirst().orElseThrow();
        Tools.run(sync.toString()).orFail("running " + sync);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsupermin", "reference"})
    void buildBash(String tool) {
        String arch = Tools.run("uname", "-m").orFail("uname").stdout().strip();
        Path d1 = tmp.resolve("d1");
        verbose(ok(tool, "-v", "--prepare", "--use-installed", "bash", "-o", d1.toString()));
        verbose(ok(tool, "-v", "--build", "-f", "chroot", "--host-cpu", arch, d1.toString(), "-o", tmp.resolve("d2").toString()));
        verbose(ok(tool, "-v", "--build", "-f", "ext2", "--host-cpu", arch, d1.toString(), "-o", tmp.resolve("d3").toString()));
        for (String f : List.of("kernel", "initrd", "root")) {
            assertTrue(Files.exists(tmp.resolve("d3").resolve(f)), f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsupermin", "reference"})
    void harder(String tool) throws IOException {
        // Debian's tricky packages in supermin's list
        Path d1 = tmp.resolve("d1");
        Path d2 = tmp.resolve("d2");
        verbose(ok(tool, "-v", "--prepare", "--use-installed", "augeas-tools", "libaugeas0", "libhivex0", "libhivex-bin",
                "-o", d1.toString()));
        verbose(ok(tool, "-v", "--build", "-f", "chroot", d1.toString(), "-o", d2.toString()));
        assertTrue(Files.isExecutable(d2.resolve("usr/bin/augtool")), "augtool");
        assertTrue(Files.isExecutable(d2.resolve("usr/bin/hivexget")), "hivexget");
        for (String lib : List.of("libaugeas.so.0", "libhivex.so.0")) {
            List<Path> found = new ArrayList<>();
            try (Stream<Path> usr = Files.list(d2.resolve("usr"))) {
                for (Path dir : usr.filter(p -> p.getFileName().toString().startsWith("lib")).toList()) {
                    found.addAll(find(dir, lib));
                }
            }
            assertFalse(found.isEmpty(), lib + " not under usr/lib*");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsupermin", "reference"})
    void ifNewerExt2(String tool) throws IOException {
        Path d1 = tmp.resolve("d1");
        Path d2 = tmp.resolve("d2");
        verbose(ok(tool, "-v", "--prepare", "--use-installed", "bash", "-o", d1.toString()));
        String[] build = {"-v", "--build", "-f", "ext2", "--if-newer", d1.toString(), "-o", d2.toString()};
        ok(tool, build);
        Result same = ok(tool, build);
        assertTrue(same.stdout().contains("if-newer: output does not need rebuilding"), same.stdout());
        // libguestfs touches the appliance at every launch and still expects it kept
        for (String f : List.of("kernel", "initrd", "root")) {
            Tools.run("touch", "-h", d2.resolve(f).toString()).orFail("touch");
        }
        same = ok(tool, build);
        assertTrue(same.stdout().contains("if-newer: output does not need rebuilding"), same.stdout());
        for (String removed : List.of("kernel", "initrd", "root")) {
            Files.delete(d2.resolve(removed));
            Result again = ok(tool, build);
            assertFalse(again.stdout().contains("does not need rebuilding"), removed + ": " + again.stdout());
            for (String f : List.of("kernel", "initrd", "root")) {
                assertTrue(Files.exists(d2.resolve(f)), f + " after removing " + removed);
            }
        }
    }

    /**
     * An appliance's package list may name packages of several releases: --build leaves out those
     * not installed (jsupermin says so on standard error) and succeeds.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jsupermin", "reference"})
    void packagesNotInstalledAreLeftOut(String tool) throws IOException {
        Path d1 = tmp.resolve("d1");
        ok(tool, "--prepare", "--use-installed", "bash", "-o", d1.toString());
        Files.writeString(d1.resolve("packages"), "no-such-package-for-supermin\n", StandardOpenOption.APPEND);
        Path d2 = tmp.resolve("d2");
        Result r = ok(tool, "--build", "-f", "chroot", d1.toString(), "-o", d2.toString());
        assertEquals("", r.stdout());
        assertTrue(Files.isExecutable(d2.resolve("usr/bin/bash")), "bash built");
        if (tool.equals("jsupermin")) {
            assertEquals("supermin: warning: not installed on this host, left out of the appliance: no-such-package-for-supermin\n",
                    r.stderr());
        }
    }

    /** Checks that -v printed supermin's messages on standard output, and nothing but warnings on standard error. */
    private static void verbose(Result r) {
        assertTrue(r.stdout().lines().anyMatch(l -> l.startsWith("supermin: ")), "-v messages on stdout:\n" + r.stdout());
        assertTrue(r.stderr().lines().allMatch(l -> l.isBlank() || l.startsWith("supermin: warning: ")),
                "standard error:\n" + r.stderr());
    }

    private static List<Path> find(Path dir, String name) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().equals(name)).toList();
        }
    }

    private static boolean readableAndExecutableByAll(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            return (mode & 0555) == 0555;
        } catch (IOException e) {
            return false;
        }
    }
}
