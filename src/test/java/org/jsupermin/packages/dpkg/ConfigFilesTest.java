package org.jsupermin.packages.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.jsupermin.packages.ConfigFile;
import org.jsupermin.packages.ConfigFileOptions;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.dpkg.DebFixtures.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config files: installed copies from the root, pristine copies from .deb archives. */
class ConfigFilesTest {

    @TempDir
    Path tmp;
    private Path root;
    private DpkgDatabase db;

    @BeforeEach
    void setUp() throws Exception {
        root = DebFixtures.copyRoot(tmp);
        Files.setPosixFilePermissions(root.resolve("etc/debian_version"), PosixFilePermissions.fromString("rw-------"));
        db = new DpkgDatabase(root, 0);
    }

    private List<InstalledPackage> pkgs(String... names) {
        List<String> wanted = Arrays.asList(names);
        return db.installedPackages().stream().filter(p -> wanted.contains(p.name())).toList();
    }

    private static String text(ConfigFile cf) {
        return new String(cf.content(), StandardCharsets.UTF_8);
    }

    @Test
    void installedCopiesComeFromTheRootsEtc() throws Exception {
        List<ConfigFile> got = db.configFiles(pkgs("bash", "base-files", "libc6", "mawk"),
                new ConfigFileOptions(true, null, false, tmp.resolve("work")));
        assertEquals(List.of("/etc/bash.bashrc", "/etc/debian_version", "/etc/issue",
                        "/etc/ld.so.conf.d/x86_64-linux-gnu.conf", "/etc/skel/.bashrc"),
                got.stream().map(ConfigFile::path).toList(),
                "sorted; absent (/etc/skel/.profile), obsolete and remove-on-upgrade ones left out");
        ConfigFile version = got.get(1);
        assertEquals("12.4\n", text(version));
        assertEquals(0600, version.mode());
        assertEquals("base-files", version.packageName());
        assertEquals(Files.readString(root.resolve("etc/bash.bashrc")), text(got.get(0)));
        assertEquals("bash", got.get(0).packageName());
    }

    @Test
    void installedSymlinkKeepsItsTarget() throws Exception {
        Files.delete(root.resolve("etc/skel/.bashrc"));
        Files.createSymbolicLink(root.resolve("etc/skel/.bashrc"), Path.of("../bash.bashrc"));
        ConfigFile cf = db.configFiles(pkgs("bash"), new ConfigFileOptions(true, null, false, tmp)).get(1);
        assertEquals("/etc/skel/.bashrc", cf.path());
        assertEquals("../bash.bashrc", cf.symlinkTarget());
        assertEquals(0, cf.content().length);
    }

    @Test
    void pristineCopiesComeFromDebsInPackagesFromThenTheAptCache() throws Exception {
        Path debs = tmp.resolve("debs");
        DebFixtures.writeDeb(debs.resolve("bash_5.2.15-2+b2_amd64.deb"), "data.tar.xz",
                Member.file("./etc/bash.bashrc", "# pristine bashrc\n", 0644),
                Member.symlink("./etc/skel/.bashrc", "../bash.bashrc"),
                Member.file("./etc/skel/.profile", "# pristine profile\n", 0644),
                Member.file("./bin/bash", "ELF", 0755));
        DebFixtures.writeDeb(root.resolve("var/cache/apt/archives/base-files_12.4+deb12u5_amd64.deb"), "data.tar.gz",
                Member.file("./etc/debian_version", "12.4 pristine\n", 0644),
                Member.file("./etc/motd", "pristine motd\n", 0644));
        DebFixtures.writeDeb(root.resolve("var/cache/apt/archives/libc6_2.36-9+deb12u4_amd64.deb"), "data.tar",
                Member.file("./etc/ld.so.conf.d/x86_64-linux-gnu.conf", "/usr/lib/x86_64-linux-gnu\n", 0600));
        List<ConfigFile> got = db.configFiles(pkgs("bash", "base-files", "libc6"),
                new ConfigFileOptions(false, debs, false, tmp.resolve("work")));
        assertEquals(List.of("/etc/bash.bashrc", "/etc/debian_version", "/etc/ld.so.conf.d/x86_64-linux-gnu.conf",
                "/etc/skel/.bashrc"), got.stream().map(ConfigFile::path).toList(),
                "/etc/issue is missing from the .deb and skipped; /etc/skel/.profile is absent from the root");
        assertEquals("# pristine bashrc\n", text(got.get(0)));
        assertNull(got.get(0).symlinkTarget());
        assertEquals("12.4 pristine\n", text(got.get(1)));
        assertEquals(0644, got.get(1).mode(), "mode from the archive, not the root");
        assertEquals(0600, got.get(2).mode());
        assertEquals("../bash.bashrc", got.get(3).symlinkTarget());
        assertEquals("bash", got.get(3).packageName());
    }

    @Test
    void epochIsEscapedInDebFileNames() {
        InstalledPackage gawk = new InstalledPackage("gawk", "1:5.2.1-2", "amd64",
                org.jsupermin.packages.MultiArch.FOREIGN, List.of(), List.of(), "");
        assertEquals("gawk_1%3a5.2.1-2_amd64.deb", DebLocator.debFileName(gawk));
    }

    @Test
    void missingDebWithoutDownloadNamesThePackage() {
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> db.configFiles(pkgs("bash"),
                new ConfigFileOptions(false, null, false, tmp.resolve("work"))));
        assertTrue(e.getMessage().contains("bash:amd64=5.2.15-2+b2"), e.getMessage());
        assertTrue(e.getMessage().contains("bash_5.2.15-2+b2_amd64.deb"), e.getMessage());
    }

    @Test
    void packagesWithoutConffilesNeedNoDeb() throws Exception {
        assertEquals(List.of(), db.configFiles(pkgs("mawk", "dpkg"), new ConfigFileOptions(false, null, false, tmp)));
    }

    @Test
    void truncatedDebIsAnErrorNamingIt() throws Exception {
        Path debs = tmp.resolve("debs");
        Path deb = DebFixtures.writeDeb(debs.resolve("bash_5.2.15-2+b2_amd64.deb"), "data.tar.xz",
                Member.file("./etc/bash.bashrc", "x".repeat(5000), 0644));
        byte[] bytes = Files.readAllBytes(deb);
        Files.write(deb, Arrays.copyOf(bytes, bytes.length - 200));
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> db.configFiles(pkgs("bash"),
                new ConfigFileOptions(false, debs, false, tmp)));
        assertTrue(e.getMessage().startsWith("reading " + deb + ": "), e.getMessage());
        Files.write(deb, "not an ar archive at all".getBytes(StandardCharsets.US_ASCII));
        e = assertThrows(PackageDatabaseException.class, () -> db.configFiles(pkgs("bash"),
                new ConfigFileOptions(false, debs, false, tmp)));
        assertTrue(e.getMessage().startsWith("reading " + deb + ": "), e.getMessage());
    }

    @Test
    void zstdDataIsRead() throws Exception {
        Path debs = tmp.resolve("debs");
        DebFixtures.writeDeb(debs.resolve("bash_5.2.15-2+b2_amd64.deb"), "data.tar.zst",
                Member.file("./etc/bash.bashrc", "zstd pristine", 0644));
        ConfigFile bashrc = db.configFiles(pkgs("bash"), new ConfigFileOptions(false, debs, false, tmp)).stream()
                .filter(c -> c.path().equals("/etc/bash.bashrc")).findFirst().orElseThrow();
        assertEquals("zstd pristine", new String(bashrc.content(), StandardCharsets.UTF_8));
    }
}
