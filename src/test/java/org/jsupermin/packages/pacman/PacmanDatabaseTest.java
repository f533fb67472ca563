package org.jsupermin.packages.pacman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.jsupermin.packages.ConfigFile;
import org.jsupermin.packages.ConfigFileOptions;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.drivers.PackageDatabases;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.packages.Provide;
import org.jsupermin.packages.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class PacmanDatabaseTest {

    static final Path ROOT = Path.of("test-fixtures/pacman/root");
    static final String PRISTINE = "greeting = hello\n";

    private static Map<String, InstalledPackage> byName(PackageDatabase db) throws PackageDatabaseException {
        Map<String, InstalledPackage> m = new TreeMap<>();
        for (InstalledPackage p : db.installedPackages()) {
            m.put(p.name(), p);
        }
        return m;
    }

    @Test
    void readsLocalDatabase() throws Exception {
        PackageDatabase db = PackageDatabases.detect(ROOT);
        assertInstanceOf(PacmanDatabase.class, db);
        assertEquals("x86_64", db.nativeArch());
        assertEquals(List.of("bash", "filesystem", "glibc", "hello"),
                db.installedPackages().stream().map(InstalledPackage::name).toList());
        Map<String, InstalledPackage> m = byName(db);
        InstalledPackage hello = m.get("hello");
        assertEquals("1:2.0-1", hello.version());
        assertEquals(List.of(List.of(Dependency.on("sh")), List.of(new Dependency("glibc", null, Relation.GE, "2.38")),
                List.of(new Dependency("libgreet.so", null, Relation.EQ, "1-64"))), hello.depends());
        assertEquals(List.of(new Provide("sh", null)), m.get("bash").provides());
        assertEquals(List.of(new Provide("libc.so", "6-64"), new Provide("libm.so", "6-64")), m.get("glibc").provides());
        assertEquals("any", m.get("filesystem").arch());
        assertTrue(db.versionScheme().satisfies(m.get("glibc").version(), Relation.GE, "2.38"));
    }

    @Test
    void listsFilesWithBackupAsConfig() throws Exception {
        PackageDatabase db = PackageDatabases.detect(ROOT);
        InstalledPackage hello = byName(db).get("hello");
        List<PackageFile> files = db.files(List.of(hello)).get(hello);
        assertEquals(List.of("/etc", "/etc/hello.conf", "/etc/hello.d", "/etc/hello.d/extra.conf", "/usr", "/usr/bin",
                "/usr/bin/hello"), files.stream().map(PackageFile::path).toList());
        assertEquals(List.of("/etc/hello.conf", "/etc/hello.d/extra.conf"),
                files.stream().filter(PackageFile::config).map(PackageFile::path).toList());
    }

    @Test
    void installedConfigFilesPresentOnRoot() throws Exception {
        PackageDatabase db = PackageDatabases.detect(ROOT);
        List<ConfigFile> c = db.configFiles(db.installedPackages(), new ConfigFileOptions(true, null, false, null));
        assertEquals(List.of("/etc/bash.bashrc", "/etc/hello.conf"), c.stream().map(ConfigFile::path).toList());
        assertEquals("greeting = edited on this host\n", new String(c.get(1).content(), StandardCharsets.UTF_8));
    }

    @Test
    void pristineConfigFilesFromPackageArchives(@TempDir Path dir) throws Exception {
        PackageDatabase db = PackageDatabases.detect(ROOT);
        InstalledPackage hello = byName(db).get("hello");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("hello-1:2.0-1-x86_64.pkg.tar.gz")))) {
            writePackage(out);
        }
        List<ConfigFile> c = db.configFiles(List.of(hello), new ConfigFileOptions(false, dir, false, null));
        assertEquals(1, c.size());
        assertEquals(0640, c.get(0).mode());
        assertArrayEquals(PRISTINE.getBytes(StandardCharsets.UTF_8), c.get(0).content());

        Path xz = Files.createDirectories(dir.resolve("xz"));
        try (OutputStream out = new XZOutputStream(Files.newOutputStream(xz.resolve("hello-1:2.0-1-x86_64.pkg.tar.xz")),
                new LZMA2Options())) {
            writePackage(out);
        }
        assertArrayEquals(PRISTINE.getBytes(StandardCharsets.UTF_8),
                db.configFiles(List.of(hello), new ConfigFileOptions(false, xz, false, null)).get(0).content());

        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () ->
                db.configFiles(List.of(hello), new ConfigFileOptions(false, dir.resolve("empty"), false, null)));
        assertTrue(e.getMessage().contains("hello-1:2.0-1-x86_64") && e.getMessage().contains("--use-installed"),
                e.getMessage());
    }

    private static void writePackage(OutputStream out) throws Exception {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            byte[] info = "pkgname = hello\n".getBytes(StandardCharsets.UTF_8);
            add(tar, ".PKGINFO", 0644, info);
            add(tar, "etc/hello.conf", 0640, PRISTINE.getBytes(StandardCharsets.UTF_8));
            add(tar, "usr/bin/hello", 0755, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, int mode, byte[] data) throws Exception {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(0100000 | mode);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    @Test
    void dependencySyntax() {
        assertEquals(new Dependency("glibc", null, Relation.GE, "2.38"), PacmanDatabase.dependency("glibc>=2.38"));
        assertEquals(new Dependency("foo", null, Relation.LT, "2"), PacmanDatabase.dependency("foo<2"));
        assertEquals(Dependency.on("python"), PacmanDatabase.dependency("python: for scripts"));
    }

    /** libalpm reads its files as bytes: a Latin-1 file name and description read byte for byte, not as a decoding error. */
    @Test
    void namesThatAreNotUtf8AreKeptByteForByte(@TempDir Path dir) throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("var/lib/pacman/local/a-1-1"));
        Files.writeString(pkg.getParent().resolve("ALPM_DB_VERSION"), "9\n");
        Files.write(pkg.resolve("desc"), "%NAME%\na\n\n%VERSION%\n1-1\n\n%DESC%\ncaf\u00e9 au lait\n\n%ARCH%\nany\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.write(pkg.resolve("files"), "%FILES%\netc/\netc/caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        PacmanDatabase db = new PacmanDatabase(dir);
        List<InstalledPackage> installed = db.installedPackages();
        assertEquals(List.of("a"), installed.stream().map(InstalledPackage::name).toList());
        List<PackageFile> files = db.files(installed).get(installed.get(0));
        assertEquals(List.of("/etc", "/etc/caf\uDCE9"), files.stream().map(PackageFile::path).toList());
        assertArrayEquals("/etc/caf\u00e9".getBytes(StandardCharsets.ISO_8859_1),
                org.jsupermin.util.FileNames.encode(files.get(1).path()));
    }
}
