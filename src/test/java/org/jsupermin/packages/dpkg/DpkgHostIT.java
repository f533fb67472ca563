package org.jsupermin.packages.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.jsupermin.packages.ConfigFile;
import org.jsupermin.packages.ConfigFileOptions;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.drivers.PackageDatabases;
import org.jsupermin.packages.PackageFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dpkg backend on this machine's own root, checked against dpkg-query, dpkg-deb and apt-get. */
class DpkgHostIT {

    private static DpkgDatabase db;

    @BeforeAll
    static void open() throws Exception {
        db = (DpkgDatabase) PackageDatabases.detect(Path.of("/"));
    }

    private static InstalledPackage pkg(String name) {
        return db.installedPackages().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not installed on this host"));
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("dpkg-host-it", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().put("LANG", "C");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " finished");
        String stderr = Files.readString(err);
        Files.delete(err);
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed: " + stderr);
        return out;
    }

    @Test
    void agreesWithDpkgQueryOnInstalledPackages() throws Exception {
        String out = run(null, "dpkg-query", "-W", "-f", "${db:Status-Abbrev}|${Package}:${Architecture}=${Version}\n");
        TreeSet<String> expected = new TreeSet<>();
        for (String line : out.split("\n")) {
            String[] parts = line.split("\\|", 2);
            if (parts.length == 2 && (parts[0].startsWith("ii") || parts[0].startsWith("hi"))) {
                expected.add(parts[1]);
            }
        }
        TreeSet<String> ours = new TreeSet<>(db.installedPackages().stream().map(InstalledPackage::toString).toList());
        assertEquals(expected, ours);
        assertEquals(run(null, "dpkg", "--print-architecture").strip(), db.nativeArch());
    }

    @Test
    void findsBashCoreutilsAndLibcWithTheirFiles() throws Exception {
        Map<InstalledPackage, List<PackageFile>> files = db.files(List.of(pkg("bash"), pkg("coreutils"), pkg("libc6")));
        List<String> bash = files.get(pkg("bash")).stream().map(PackageFile::path).toList();
        assertTrue(bash.contains("/bin/bash") || bash.contains("/usr/bin/bash"), "bash's list has bash: " + bash);
        assertTrue(files.get(pkg("coreutils")).stream().anyMatch(f -> f.path().endsWith("/bin/ls")));
        assertTrue(files.get(pkg("libc6")).stream().anyMatch(f -> f.path().endsWith("/libc.so.6")));
        assertTrue(db.conffiles(pkg("bash")).contains("/etc/bash.bashrc"));
        assertTrue(files.get(pkg("bash")).stream().anyMatch(f -> f.path().equals("/etc/bash.bashrc") && f.config()));
    }

    @Test
    void filesOfSeventyFivePackagesIsFast() throws Exception {
        List<InstalledPackage> some = db.installedPackages().subList(0, Math.min(75, db.installedPackages().size()));
        db.files(some); // warms the JIT and reads the diversions once
        long start = System.nanoTime();
        Map<InstalledPackage, List<PackageFile>> files = db.files(some);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(some.size(), files.size());
        assertTrue(millis < 100, "files() of 75 packages took " + millis + " ms");
    }

    @Test
    void appliesTheHostsDiversions() throws Exception {
        String diversions = run(null, "dpkg-divert", "--list");
        assertFalse(diversions.isBlank(), "the host has diversions (dash diverts /bin/sh)");
        if (diversions.contains("diversion of /bin/sh to /bin/sh.distrib by dash")) {
            PackageFile sh = db.files(List.of(pkg("dash"))).get(pkg("dash")).stream()
                    .filter(f -> f.path().equals("/bin/sh")).findFirst().orElseThrow();
            assertFalse(sh.diverted(), "dash's own /bin/sh is not diverted away");
        }
    }

    @Test
    void alternativesAndAccountsFollowTheHost() throws Exception {
        List<org.jsupermin.packages.ExtraEntry> extras = db.extraEntries(List.of(pkg("base-passwd")));
        String awk = Files.readSymbolicLink(Path.of("/etc/alternatives/awk")).toString();
        org.jsupermin.packages.AlternativeGroup group = db.alternatives().stream()
                .filter(g -> g.master().name().equals("awk")).findFirst().orElseThrow();
        assertEquals(awk, group.hostChoice());
        assertTrue(group.choices().stream().anyMatch(c -> c.path().equals(awk)), "awk alternatives: " + group);
        org.jsupermin.packages.ExtraEntry passwd = extras.stream().filter(e -> e.path().equals("/etc/passwd"))
                .findFirst().orElseThrow();
        assertEquals(Files.readString(Path.of("/usr/share/base-passwd/passwd.master")),
                new String(passwd.content(), StandardCharsets.UTF_8), "from the master copy, not the host's accounts");
    }

    @Test
    void pristineBashConfigComesFromTheDeb(@TempDir Path tmp) throws Exception {
        InstalledPackage bash = pkg("bash");
        DpkgDatabase edited = editedHostRoot(tmp, "/etc/bash.bashrc", "/etc/skel/.bashrc");
        for (String compression : List.of("xz", "gzip", "zstd", "none")) {
            Path debs = tmp.resolve("debs-" + compression);
            buildBashDeb(bash, tmp.resolve("stage-" + compression), debs, compression);
            List<ConfigFile> got = edited.configFiles(List.of(bash), new ConfigFileOptions(false, debs, false, tmp.resolve("work")));
            ConfigFile bashrc = got.stream().filter(c -> c.path().equals("/etc/bash.bashrc")).findFirst().orElseThrow();
            assertEquals("# pristine bash.bashrc built by dpkg-deb -Z" + compression + "\n",
                    new String(bashrc.content(), StandardCharsets.UTF_8));
            assertEquals(0640, bashrc.mode(), "mode from the archive");
        }
        // a truncated archive is still one clear error naming it
        Path debs = tmp.resolve("debs-truncated");
        Path deb = buildBashDeb(bash, tmp.resolve("stage-truncated"), debs, "zstd");
        byte[] whole = Files.readAllBytes(deb);
        Files.write(deb, java.util.Arrays.copyOf(whole, whole.length - 200));
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class,
                () -> edited.configFiles(List.of(bash), new ConfigFileOptions(false, debs, false, tmp.resolve("work"))));
        assertTrue(e.getMessage().startsWith("reading " + deb + ": "), e.getMessage());
    }

    @Test
    void installedBashConfigComesFromTheRoot(@TempDir Path tmp) throws Exception {
        List<ConfigFile> got = db.configFiles(List.of(pkg("bash")), new ConfigFileOptions(true, null, false, tmp));
        ConfigFile bashrc = got.stream().filter(c -> c.path().equals("/etc/bash.bashrc")).findFirst().orElseThrow();
        assertEquals(Files.readString(Path.of("/etc/bash.bashrc")), new String(bashrc.content(), StandardCharsets.UTF_8));
    }

    @Test
    void downloadsMissingDebsWithAptGet(@TempDir Path tmp) throws Exception {
        InstalledPackage adduser = pkg("adduser");
        Path work = tmp.resolve("work");
        DpkgDatabase edited = editedHostRoot(tmp, "/etc/adduser.conf");
        List<ConfigFile> got = edited.configFiles(List.of(adduser), new ConfigFileOptions(false, null, true, work));
        ConfigFile conf = got.stream().filter(c -> c.path().equals("/etc/adduser.conf")).findFirst().orElseThrow();
        assertTrue(new String(conf.content(), StandardCharsets.UTF_8).contains("DSHELL"));
        boolean cached = Files.exists(Path.of("/var/cache/apt/archives", DebLocator.debFileName(adduser)));
        assertEquals(!cached, Files.exists(work.resolve(DebLocator.debFileName(adduser))), "downloaded into workDir");
    }

    @Test
    void unchangedConffilesArePristineWithoutAnyArchive(@TempDir Path tmp) throws Exception {
        // /etc/bash.bashrc still has the md5sum dpkg recorded: no .deb is needed (downloads not allowed here)
        List<ConfigFile> got = db.configFiles(List.of(pkg("bash")), new ConfigFileOptions(false, null, false, tmp));
        ConfigFile bashrc = got.stream().filter(c -> c.path().equals("/etc/bash.bashrc")).findFirst().orElseThrow();
        assertEquals(Files.readString(Path.of("/etc/bash.bashrc")), new String(bashrc.content(), StandardCharsets.UTF_8));
    }

    /**
     * A root whose dpkg database is the host's but whose copies of {@code conffiles} were edited,
     * so their pristine content must come from a package archive.
     */
    private static DpkgDatabase editedHostRoot(Path tmp, String... conffiles) throws Exception {
        Path root = tmp.resolve("edited-root");
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.copy(Path.of("/var/lib/dpkg/status"), root.resolve("var/lib/dpkg/status"));
        Files.createSymbolicLink(root.resolve("var/lib/dpkg/info"), Path.of("/var/lib/dpkg/info"));
        for (String c : conffiles) {
            Path f = root.resolve(c.substring(1));
            Files.createDirectories(f.getParent());
            Files.writeString(f, "# edited by the administrator\n");
        }
        return new DpkgDatabase(root, 0);
    }

    @Test
    void failedDownloadReportsAptGetsError(@TempDir Path tmp) throws Exception {
        InstalledPackage real = pkg("bash");
        InstalledPackage unknown = new InstalledPackage("bash", "0.0.0-nosuchversion", real.arch(), real.multiArch(),
                List.of(), List.of(), "");
        DpkgDatabase edited = editedHostRoot(tmp, "/etc/bash.bashrc");
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> edited.configFiles(List.of(unknown),
                new ConfigFileOptions(false, null, true, tmp.resolve("work"))));
        assertTrue(e.getMessage().contains("apt-get download bash:" + real.arch() + "=0.0.0-nosuchversion"), e.getMessage());
        assertTrue(e.getMessage().contains("E: "), "apt-get's stderr is in the message: " + e.getMessage());
    }

    /** A bash .deb at the installed version whose /etc/bash.bashrc says how it was compressed. */
    private static Path buildBashDeb(InstalledPackage bash, Path stage, Path debs, String compression)
            throws IOException, InterruptedException {
        Files.createDirectories(stage.resolve("DEBIAN"));
        Files.createDirectories(stage.resolve("etc/skel"));
        Files.writeString(stage.resolve("DEBIAN/control"), "Package: bash\nVersion: " + bash.version()
                + "\nArchitecture: " + bash.arch() + "\nMaintainer: Test <test@example.org>\nDescription: test\n");
        Path bashrc = stage.resolve("etc/bash.bashrc");
        Files.writeString(bashrc, "# pristine bash.bashrc built by dpkg-deb -Z" + compression + "\n");
        Files.setPosixFilePermissions(bashrc, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Files.writeString(stage.resolve("etc/skel/.bashrc"), "# skel\n");
        Files.createDirectories(debs);
        Path deb = debs.resolve(DebLocator.debFileName(bash));
        List<String> cmd = new ArrayList<>(List.of("dpkg-deb", "--root-owner-group", "-Z" + compression, "--build",
                stage.toString(), deb.toString()));
        run(null, cmd.toArray(String[]::new));
        return deb;
    }
}
