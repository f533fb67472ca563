package org.jsupermin.packages.rpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsupermin.packages.ConfigFile;
import org.jsupermin.packages.ConfigFileOptions;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.FileMetadata;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.packages.drivers.PackageDatabases;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.packages.Provide;
import org.jsupermin.packages.Relation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads a real sqlite rpmdb made by Debian's rpm from packages built with Redline. */
class RpmDatabaseIT {

    @TempDir
    static Path tmp;
    static Path rpms;
    static Path root;

    @BeforeAll
    static void installPackages() throws Exception {
        rpms = RpmFixtures.build(tmp.resolve("build"));
        root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\ndaemon:x:1:1::/:/sbin/nologin\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\ndaemon:x:1:\nadm:x:4:\n");
        run("rpm", "--root", root.toString(), "--dbpath", "/var/lib/rpm", "--initdb");
        List<String> install = new ArrayList<>(List.of("rpm", "--root", root.toString(), "--dbpath", "/var/lib/rpm",
                "-i", "--nodeps", "--noscripts"));
        for (Path p : RpmConfigFiles.rpmFiles(rpms)) {
            install.add(p.toString());
        }
        run(install.toArray(String[]::new));
        assertTrue(Files.isRegularFile(root.resolve("var/lib/rpm/rpmdb.sqlite")), "rpm made an sqlite database");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }

    private static Map<String, InstalledPackage> byName(PackageDatabase db) throws PackageDatabaseException {
        Map<String, InstalledPackage> m = new TreeMap<>();
        for (InstalledPackage p : db.installedPackages()) {
            m.put(p.name(), p);
        }
        return m;
    }

    @Test
    void readsPackagesAsRpmDoes() throws Exception {
        PackageDatabase db = PackageDatabases.detect(root);
        assertInstanceOf(RpmDatabase.class, db);
        assertEquals("x86_64", db.nativeArch());
        String rpmSays = run("rpm", "--root", root.toString(), "--dbpath", "/var/lib/rpm", "-qa",
                "--qf", "%{NAME} %{EVR} %{ARCH} %{VENDOR}\\n");
        List<String> expected = rpmSays.lines().filter(l -> !l.startsWith("rpm:")).sorted().toList();
        List<String> ours = db.installedPackages().stream()
                .map(p -> p.name() + " " + p.version() + " " + p.arch() + " " + p.vendor()).toList();
        assertEquals(expected, ours);
        Map<String, InstalledPackage> m = byName(db);
        assertEquals("1:2.0-1", m.get("hello").version());
        assertEquals(List.of(
                List.of(new Dependency("libgreet", null, Relation.GE, "1.0")),
                List.of(Dependency.on("libgreet.so.1()(64bit)")),
                List.of(Dependency.on("/bin/sh"))), m.get("hello").depends());
        assertTrue(m.get("libgreet").provides().contains(new Provide("libgreet.so.1()(64bit)", null)),
                m.get("libgreet").provides().toString());
        assertTrue(m.get("shell").provides().contains(new Provide("/bin/sh", null)), "file requirement provided by owner");
        assertTrue(RpmVersion.INSTANCE.satisfies(m.get("libgreet").version(), Relation.GE, "1.0"));
    }

    @Test
    void detailsAreWhatRpmSays() throws Exception {
        PackageDatabase db = PackageDatabases.detect(root);
        String rpmSays = run("rpm", "--root", root.toString(), "--dbpath", "/var/lib/rpm", "-qa", "--qf",
                "%{NAME}|%{SOURCERPM}|%{SIZE}|%{PACKAGER}|%{VENDOR}|%{URL}|%{LICENSE}|%{SHA256HEADER}|%{SIGMD5}\\n");
        List<String> expected = new ArrayList<>();
        for (String line : rpmSays.lines().filter(l -> !l.startsWith("rpm:")).sorted().toList()) {
            String[] f = line.split("\\|", -1);
            String source = f[1].equals("(none)") ? f[0] : f[1].replaceAll("-[^-]+-[^-]+\\.src\\.rpm$", "");
            String maintainer = f[3].equals("(none)") ? f[4] : f[3];
            expected.add(f[0] + "|" + source + "|" + f[2] + "|" + maintainer + "|" + none(f[5]) + "|" + none(f[6])
                    + "|SHA256=" + none(f[7]) + "|MD5=" + none(f[8]));
        }
        List<String> ours = new ArrayList<>();
        for (Map.Entry<InstalledPackage, PackageDetails> e : db.details(db.installedPackages()).entrySet()) {
            PackageDetails d = e.getValue();
            ours.add(e.getKey().name() + "|" + d.source() + "|" + d.installedSize() + "|" + d.maintainer() + "|"
                    + d.homepage() + "|" + d.license() + "|SHA256=" + d.checksums().getOrDefault("SHA256", "")
                    + "|MD5=" + d.checksums().getOrDefault("MD5", ""));
        }
        assertEquals(expected, ours);
        PackageDetails hello = db.details(List.of(byName(db).get("hello"))).get(byName(db).get("hello"));
        assertEquals("hello-src", hello.source());
        assertEquals("2.0-1", hello.sourceVersion());
        assertEquals("Hello Packager <hello@example.org>", hello.maintainer());
        assertEquals("https://example.org/hello", hello.homepage());
        assertTrue(hello.checksums().containsKey("MD5"), hello.checksums().toString());
        assertEquals("", hello.record());
    }

    private static String none(String rpmValue) {
        return rpmValue.equals("(none)") ? "" : rpmValue;
    }

    @Test
    void readsFilesWithMetadata() throws Exception {
        PackageDatabase db = PackageDatabases.detect(root);
        InstalledPackage hello = byName(db).get("hello");
        Map<String, PackageFile> files = new TreeMap<>();
        for (PackageFile f : db.files(List.of(hello)).get(hello)) {
            files.put(f.path(), f);
        }
        String rpmSays = run("rpm", "--root", root.toString(), "--dbpath", "/var/lib/rpm", "-ql", "hello");
        assertEquals(rpmSays.lines().filter(l -> l.startsWith("/")).sorted().toList(), List.copyOf(files.keySet()));
        assertEquals(new FileMetadata(0100755, 0, 0, null, 21), files.get("/usr/bin/hello").metadata());
        assertEquals(0104755, files.get("/usr/bin/hello-suid").metadata().mode());
        assertEquals("hello", files.get("/usr/bin/hi").metadata().linkTarget());
        assertEquals(0120777, files.get("/usr/bin/hi").metadata().mode());
        assertEquals(new FileMetadata(0100640, 1, 4, null, 17), files.get("/usr/share/hello/data").metadata());
        assertTrue(files.get("/etc/hello.conf").config());
        assertTrue(files.values().stream().filter(PackageFile::config).count() == 1);
    }

    @Test
    void configFilesArePristineUnlessUseInstalled() throws Exception {
        Path copy = copyRoot("edited");
        Files.writeString(copy.resolve("etc/hello.conf"), "greeting = edited\n");
        PackageDatabase db = PackageDatabases.detect(copy);
        InstalledPackage hello = byName(db).get("hello");
        List<ConfigFile> pristine = db.configFiles(List.of(hello),
                new ConfigFileOptions(false, rpms, false, tmp.resolve("work")));
        assertEquals(1, pristine.size());
        assertEquals("/etc/hello.conf", pristine.get(0).path());
        assertEquals(0644, pristine.get(0).mode());
        assertArrayEquals(RpmFixtures.HELLO_CONF.getBytes(StandardCharsets.UTF_8), pristine.get(0).content());
        List<ConfigFile> installed = db.configFiles(List.of(hello), new ConfigFileOptions(true, null, false, null));
        assertEquals("greeting = edited\n", new String(installed.get(0).content(), StandardCharsets.UTF_8));
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> db.configFiles(List.of(hello),
                new ConfigFileOptions(false, tmp.resolve("nothing-here"), false, null)));
        assertTrue(e.getMessage().contains("--packages-from") && e.getMessage().contains("hello-2.0-1.x86_64"),
                e.getMessage());
    }

    @Test
    void corruptDatabaseNamesFileAndPage() throws Exception {
        Path copy = copyRoot("corrupt");
        Path file = copy.resolve("var/lib/rpm/rpmdb.sqlite");
        long page;
        int pageSize;
        try (SqliteFile f = SqliteFile.open(file)) {
            page = f.rootPage("Packages");
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(16);
            pageSize = raf.readUnsignedShort();
            raf.seek((page - 1) * pageSize);
            raf.write(0);
        }
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class,
                () -> PackageDatabases.detect(copy).installedPackages());
        assertEquals("reading " + file + ": page " + page + ": bad b-tree page type 0x00", e.getMessage());
    }

    @Test
    void truncatedHeaderInDatabaseNamesFile() throws Exception {
        Path copy = copyRoot("truncated");
        Path file = copy.resolve("var/lib/rpm/rpmdb.sqlite");
        run("sqlite3", file.toString(), "UPDATE Packages SET blob = substr(blob, 1, 200) WHERE hnum = 2");
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class,
                () -> PackageDatabases.detect(copy).installedPackages());
        assertTrue(e.getMessage().startsWith("reading " + file + ": package 2: truncated rpm header"), e.getMessage());
    }

    private static Path copyRoot(String name) throws IOException {
        Path copy = tmp.resolve(name);
        try (var walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                Path t = copy.resolve(root.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(t, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return copy;
    }
}
