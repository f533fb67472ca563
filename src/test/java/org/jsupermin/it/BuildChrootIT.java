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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --build -f chroot} on this host: supermin's own scenarios, the reference's file list, concurrency. */
class BuildChrootIT {

    @TempDir
    Path tmp;

    private Path prepare(String name, boolean useInstalled, String... packages) {
        Path d = tmp.resolve(name + ".d");
        List<String> args = new ArrayList<>(List.of("--prepare"));
        if (useInstalled) {
            args.add("--use-installed");
        }
        args.addAll(List.of(packages));
        args.addAll(List.of("-o", d.toString()));
        Tools.jsupermin(args.toArray(String[]::new)).orFail("prepare " + List.of(packages));
        return d;
    }

    private Path build(Path d, String name) {
        Path out = tmp.resolve(name);
        Tools.jsupermin("--build", "-f", "chroot", d.toString(), "-o", out.toString()).orFail("build " + name);
        return out;
    }

    @Test
    void supermins_bashAndSyncScenario() throws IOException {
        for (boolean installed : List.of(true, false)) {
            Path out = build(prepare("basic" + installed, installed, "bash", "coreutils"), "basic-" + installed);
            for (String f : List.of("usr/bin/bash", "usr/bin/sync")) {
                int mode = (Integer) Files.getAttribute(out.resolve(f), "unix:mode");
                assertEquals(0555, mode & 0555, f + " mode " + Integer.toOctalString(mode));
            }
            Tools.run("chroot", out.toString(), "/bin/sync").orFail("chroot sync");
            assertTrue(Files.isSymbolicLink(out.resolve("bin")), "usrmerge /bin link");
        }
    }

    @Test
    void supermins_augeasAndHivexScenario() throws IOException {
        Path out = build(prepare("aug", true, "augeas-tools", "libaugeas0", "libhivex0", "libhivex-bin"), "aug");
        assertTrue(Files.isExecutable(out.resolve("usr/bin/augtool")));
        assertTrue(Files.isExecutable(out.resolve("usr/bin/hivexget")));
        try (Stream<Path> s = Files.walk(out.resolve("usr/lib"))) {
            Set<String> names = new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
            assertTrue(names.contains("libaugeas.so.0"), "libaugeas.so.0");
            assertTrue(names.contains("libhivex.so.0"), "libhivex.so.0");
        }
    }

    @Test
    void awkRunsAndTheFileListMatchesTheReference() throws IOException {
        Path d = prepare("awk", true, "bash", "coreutils", "mawk");
        Path ours = build(d, "awk");
        Result r = Tools.run("chroot", ours.toString(), "/bin/bash", "-c", "echo hi | awk '{print}'").orFail("chroot awk");
        assertEquals("hi\n", r.stdout());

        Path ref = tmp.resolve("awk-ref");
        Tools.reference("--build", "-f", "chroot", d.toString(), "-o", ref.toString()).orFail("reference build");
        TreeSet<String> onlyRef = new TreeSet<>(list(ref));
        onlyRef.removeAll(list(ours));
        assertEquals(Set.of(), onlyRef, "files the reference has and we lack");
        TreeSet<String> onlyOurs = new TreeSet<>(list(ours));
        onlyOurs.removeAll(list(ref));
        // documented differences: mount points, alternatives links (and what they point to), the
        // package database of the image's packages (and the directories above it)
        onlyOurs.removeIf(p -> Set.of("/dev", "/proc", "/sys", "/run", "/tmp").contains(p)
                || p.startsWith("/etc/alternatives") || isAlternativesLink(ours, p)
                || Set.of("/var", "/var/lib", "/var/lib/dpkg").contains(p) || p.startsWith("/var/lib/dpkg/"));
        assertEquals(Set.of(), onlyOurs, "files we add beyond the documented differences");
    }

    private static boolean isAlternativesLink(Path root, String p) {
        try {
            Path f = root.resolve(p.substring(1));
            return Files.isSymbolicLink(f) && Files.readSymbolicLink(f).toString().startsWith("/etc/alternatives/");
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void concurrentIfNewerBuildsUnderOneLockBuildOnce() throws Exception {
        Path d = prepare("conc", true, "bash", "coreutils");
        Path out = tmp.resolve("conc");
        Path lock = tmp.resolve("conc.lock");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Result>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(pool.submit(() -> Tools.jsupermin("--build", "--if-newer", "--lock", lock.toString(), "-v",
                    "-f", "chroot", d.toString(), "-o", out.toString())));
        }
        int built = 0;
        for (Future<Result> f : runs) {
            Result r = f.get();
            assertEquals(0, r.exit(), r.stderr());
            if (r.stdout().contains("wrote " + out)) {
                built++;
            } else {
                assertTrue(r.stdout().contains("supermin: if-newer: output does not need rebuilding"), r.stdout());
            }
        }
        pool.shutdown();
        assertEquals(1, built);
        Tools.run("chroot", out.toString(), "/bin/true").orFail("result complete");
    }

    @Test
    void ifNewerRebuildsWhenAnInputChangesAndSaysWhy() throws IOException {
        Path d = prepare("ifn", true, "bash");
        Path out = tmp.resolve("ifn");
        Tools.jsupermin("--build", "--if-newer", "-f", "chroot", d.toString(), "-o", out.toString()).orFail("first");
        Result same = Tools.jsupermin("--build", "--if-newer", "-v", "-f", "chroot", d.toString(), "-o", out.toString()).orFail("second");
        assertTrue(same.stdout().contains("supermin: if-newer: output does not need rebuilding"), same.stdout());
        Files.writeString(d.resolve("hostfiles"), "/etc/hostname\n");
        Result changed = Tools.jsupermin("--build", "--if-newer", "-v", "-f", "chroot", d.toString(), "-o", out.toString()).orFail("third");
        assertTrue(changed.stdout().contains("rebuilding because"), changed.stdout());
    }

    @Test
    void sigkillInTheMiddleLeavesThePreviousApplianceIntact() throws Exception {
        Path d = prepare("kill", true, "bash", "coreutils", "perl");
        Path out = build(d, "kill");
        String before = Tools.run("bash", "-c", "cd " + out + " && find . -printf '%p %s %m %l\\n' | sort | sha256sum").stdout();
        List<String> cmd = List.of(Tools.LAUNCHER.toString(), "--build", "-f", "chroot", d.toString(), "-o", out.toString());
        for (long delayMs : new long[] {300, 600, 900}) {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(delayMs);
            p.destroyForcibly().waitFor();
            String after = Tools.run("bash", "-c", "cd " + out + " && find . -printf '%p %s %m %l\\n' | sort | sha256sum").stdout();
            assertEquals(before, after, "previous appliance changed after SIGKILL at " + delayMs + " ms");
        }
        // the next run cleans the leftovers
        build(d, "kill");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.contains("jsupermin-new")).toList());
        }
    }

    @Test
    void badInputsAreClearErrorsAndKeepThePreviousOutput() throws IOException {
        Path d = prepare("bad", true, "bash");
        Path out = build(d, "bad");
        String before = Tools.run("bash", "-c", "cd " + out + " && find . | sort | sha256sum").stdout();
        List<List<String>> cases = List.of(
                List.of("unknown", "#!/bin/sh\necho\n"),
                List.of("excludefiles", "-/usr/share/doc/*\n/usr/share/man/*\n"));
        for (List<String> c : cases) {
            Path bad = tmp.resolve("bad-" + c.get(0) + ".d");
            Tools.run("cp", "-a", d.toString(), bad.toString()).orFail("cp");
            Files.writeString(bad.resolve(c.get(0)), c.get(1));
            Result r = Tools.jsupermin("--build", "-f", "chroot", bad.toString(), "-o", out.toString());
            assertEquals(1, r.exit(), r.stderr());
            assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
            assertTrue(r.stderr().contains(bad.resolve(c.get(0)).toString()), r.stderr());
        }
        Path corrupt = tmp.resolve("corrupt.d");
        Tools.run("cp", "-a", d.toString(), corrupt.toString()).orFail("cp");
        byte[] tgz = Files.readAllBytes(corrupt.resolve("base.tar.gz"));
        Files.write(corrupt.resolve("base.tar.gz"), java.util.Arrays.copyOf(tgz, tgz.length / 2));
        Result r = Tools.jsupermin("--build", "-f", "chroot", corrupt.toString(), "-o", out.toString());
        assertEquals(1, r.exit(), r.stderr());
        assertTrue(r.stderr().contains("base.tar.gz"), r.stderr());
        for (String escape : List.of("../escape", "/abs", "link/through")) {
            Path evil = tmp.resolve("evil" + escape.hashCode() + ".d");
            Tools.run("cp", "-a", d.toString(), evil.toString()).orFail("cp");
            Path src = tmp.resolve("evilsrc" + escape.hashCode());
            Files.createDirectories(src);
            String script = switch (escape) {
                case "../escape" -> "tar --absolute-names -czf " + evil.resolve("evil.tar.gz") + " --transform 's,^,../,' -C " + src + " x";
                case "/abs" -> "tar --absolute-names -czf " + evil.resolve("evil.tar.gz") + " " + src.resolve("x");
                default -> "ln -s /tmp " + src.resolve("link") + " && mkdir -p " + src.resolve("l2") + " && cd " + src
                        + " && tar -czf " + evil.resolve("evil.tar.gz") + " link --transform 's,^l2,link,' l2/x";
            };
            Files.writeString(src.resolve("x"), "x");
            if (escape.equals("link/through")) {
                Files.createDirectories(src.resolve("l2"));
                Files.writeString(src.resolve("l2/x"), "x");
            }
            Tools.run("bash", "-c", script).orFail("making " + escape);
            Result e = Tools.jsupermin("--build", "-f", "chroot", evil.toString(), "-o", out.toString());
            assertEquals(1, e.exit(), escape + ": " + e.stderr());
            assertTrue(e.stderr().contains("evil.tar.gz"), e.stderr());
        }
        assertFalse(Files.exists(Path.of("/escape"), LinkOption.NOFOLLOW_LINKS));
        String after = Tools.run("bash", "-c", "cd " + out + " && find . | sort | sha256sum").stdout();
        assertEquals(before, after);
    }

    @Test
    void lockFileInsideTheOutputIsRefused() {
        Path d = prepare("lk", true, "bash");
        Path out = tmp.resolve("lk");
        Result r = Tools.jsupermin("--build", "--lock", out.resolve("lock").toString(), "-f", "chroot", d.toString(), "-o", out.toString());
        assertEquals(2, r.exit(), "a usage error");
        assertTrue(r.stderr().contains("lock"), r.stderr());
    }

    private static TreeSet<String> list(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            TreeSet<String> result = new TreeSet<>();
            s.forEach(p -> result.add("/" + root.relativize(p)));
            result.remove("/");
            return result;
        }
    }
}
