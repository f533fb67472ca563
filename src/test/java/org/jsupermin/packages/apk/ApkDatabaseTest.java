package org.jsupermin.packages.apk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.jsupermin.packages.ConfigFile;
import org.jsupermin.packages.ConfigFileOptions;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.FileMetadata;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.drivers.PackageDatabases;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.packages.Provide;
import org.jsupermin.packages.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApkDatabaseTest {

    static final Path ROOT = Path.of("test-fixtures/apk/root");
    static final String PRISTINE = "greeting = hello\n";

    private static Map<String, InstalledPackage> byName(PackageDatabase db) throws PackageDatabaseException {
        Map<String, InstalledPackage> m = new TreeMap<>();
        for (InstalledPackage p : db.installedPackages()) {
            m.put(p.name(), p);
        }
        return m;
    }

    @Test
    void readsInstalledDatabase() throws Exception {
        PackageDatabase db = PackageDatabases.detect(ROOT);
        assertInstanceOf(ApkDatabase.class, db);
        assertEquals("x86_64", db.nativeArch());
        Map<String, InstalledPackage> m = byName(db);
        assertEquals(List.of("busybox", "hello", "musl"), List.copyOf(m.keySet()));
        assertEquals("2.0_rc1-r3", m.get("hello").version());
        assertEquals(List.of(List.of(Dependency.on("so:libc.musl-x86_64.so.1")),
                List.of(new Dependency("busybox", null, Relation.GE, "1.36")), List.of(Dependency.on("/bin/sh")),
                List.of(Dependency.on("libgreet"))), m.get("hello").depends());
        assertEquals(List.of(new Provide("/bin/sh", null), new Provide("cmd:busybox", "1.36.1-r29"),
                new Provide("cmd:sh", "1.36.1-r29")), m.get("busybox").provides());
        assertTrue(db.versionScheme().satisfies(m.get("busybox").version(), Relation.GE, "1.36"));
    }

    @Test
    void listsFilesWithModes() throws Exception {
        PackageDatabase db = PackageDatabases.detect(ROOT);
        InstalledPackage busybox = byName(db).get("busybox");
        Map<String, PackageFile> f = new TreeMap<>();
        for (PackageFile p : db.files(List.of(busybox)).get(busybox)) {
            f.put(p.path(), p);
        }
        assertEquals(List.of("/bin", "/bin/busybox", "/bin/sh", "/etc", "/etc/busybox-paths.d", "/etc/securetty"),
                List.copyOf(f.keySet()));
        assertEquals(new FileMetadata(0100755, 0, 0, null, -1), f.get("/bin/busybox").metadata());
        assertEquals(0120777, f.get("/bin/sh").metadata().mode());
        assertEquals(040755, f.get("/etc/busybox-paths.d").metadata().mode());
        assertTrue(f.get("/etc/securetty").config());
        assertTrue(!f.get("/bin/busybox").config());
    }

    @Test
    void installedConfigFiles() throws Exception {
        PackageDatabase db = PackageDatabases.detect(ROOT);
        List<ConfigFile> c = db.configFiles(db.installedPackages(), new ConfigFileOptions(true, null, false, null));
        assertEquals(List.of("/etc/hello.conf", "/etc/securetty"), c.stream().map(ConfigFile::path).toList());
        assertEquals("hello", c.get(0).packageName());
    }

    @Test
    void pristineConfigFilesFromApkFile(@TempDir Path dir) throws Exception {
        PackageDatabase db = PackageDatabases.detect(ROOT);
        InstalledPackage hello = byName(db).get("hello");
        byte[] apk = apk();
        Files.write(dir.resolve("hello-2.0_rc1-r3.apk"), apk);
        List<ConfigFile> c = db.configFiles(List.of(hello), new ConfigFileOptions(false, dir, false, null));
        assertEquals(1, c.size());
        assertEquals(0640, c.get(0).mode());
        assertArrayEquals(PRISTINE.getBytes(StandardCharsets.UTF_8), c.get(0).content());

        Path cut = Files.createDirectories(dir.resolve("cut"));
        Files.write(cut.resolve("hello-2.0_rc1-r3.apk"), Arrays.copyOf(apk, apk.length - 40));
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class,
                () -> db.configFiles(List.of(hello), new ConfigFileOptions(false, cut, false, null)));
        assertTrue(e.getMessage().startsWith("reading " + cut.resolve("hello-2.0_rc1-r3.apk")), e.getMessage());
        e = assertThrows(PackageDatabaseException.class,
                () -> db.configFiles(List.of(hello), new ConfigFileOptions(false, dir.resolve("none"), false, null)));
        assertTrue(e.getMessage().contains("--use-installed"), e.getMessage());
    }

    /** An apk v2 package: signature and control tar segments without end marker, then the data tar. */
    private static byte[] apk() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gzip(segment(".SIGN.RSA.key.rsa.pub", "sig", false)));
        out.write(gzip(segment(".PKGINFO", "pkgname = hello\n", false)));
        out.write(gzip(segment("etc/hello.conf", PRISTINE, true)));
        return out.toByteArray();
    }

    private static byte[] segment(String name, String content, boolean endMarker) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        TarArchiveOutputStream tar = new TarArchiveOutputStream(b);
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(0100640);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
        tar.flush();
        if (endMarker) {
            tar.close();
            return b.toByteArray();
        }
        // apk cuts the end-of-archive blocks and record padding off the first segments
        tar.close();
        return Arrays.copyOf(b.toByteArray(), 512 + ((data.length + 511) / 512) * 512);
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream g = new GZIPOutputStream(b)) {
            g.write(data);
        }
        return b.toByteArray();
    }

    @Test
    void dependencySyntax() {
        assertEquals(new Dependency("foo", null, Relation.GE, "1.2"), ApkInstalledReader.dependency("foo~1.2"));
        assertEquals(new Dependency("foo", null, Relation.LT, "2"), ApkInstalledReader.dependency("foo<2"));
        assertEquals(new Dependency("foo", null, Relation.EQ, "1-r0"), ApkInstalledReader.dependency("foo@edge=1-r0"));
    }

    @Test
    void anUnknownDependencyOperatorIsOneClearError(@TempDir Path dir) throws Exception {
        Path installed = dir.resolve("lib/apk/db/installed");
        Files.createDirectories(installed.getParent());
        Files.writeString(installed, "P:a\nV:1-r0\nD:b=<2\n");
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class,
                () -> new ApkDatabase(dir).installedPackages());
        assertEquals("reading " + installed + " line 3: dependency b=<2: unknown version relation: =<", e.getMessage());
    }

    /** apk keeps names as bytes: a Latin-1 file name and description read byte for byte, not as a decoding error. */
    @Test
    void namesThatAreNotUtf8AreKeptByteForByte(@TempDir Path dir) throws Exception {
        Path installed = dir.resolve("lib/apk/db/installed");
        Files.createDirectories(installed.getParent());
        Files.write(installed, "P:a\nV:1-r0\nT:caf\u00e9 au lait\nF:etc\nR:caf\u00e9\na:0:0:644\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        ApkDatabase db = new ApkDatabase(dir);
        List<InstalledPackage> installedPackages = db.installedPackages();
        assertEquals(List.of("a"), installedPackages.stream().map(InstalledPackage::name).toList());
        List<PackageFile> files = db.files(installedPackages).get(installedPackages.get(0));
        assertEquals(List.of("/etc", "/etc/caf\uDCE9"), files.stream().map(PackageFile::path).toList());
        assertArrayEquals("/etc/caf\u00e9".getBytes(StandardCharsets.ISO_8859_1),
                org.jsupermin.util.FileNames.encode(files.get(1).path()));
    }
}
