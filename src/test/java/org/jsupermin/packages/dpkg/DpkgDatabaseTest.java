package org.jsupermin.packages.dpkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jsupermin.packages.AlternativeChoice;
import org.jsupermin.packages.AlternativeGroup;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.MultiArch;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.drivers.PackageDatabases;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.packages.Provide;
import org.jsupermin.packages.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dpkg backend against the hand-written Debian 12 root in test-fixtures/dpkg-root. */
class DpkgDatabaseTest {

    private static final long EPOCH = 1_700_000_000L;

    private final DpkgDatabase db = open(DebFixtures.ROOT);

    private static DpkgDatabase open(Path root) {
        try {
            return new DpkgDatabase(root, EPOCH);
        } catch (PackageDatabaseException e) {
            throw new AssertionError(e);
        }
    }

    private InstalledPackage pkg(String name) {
        return db.installedPackages().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not installed"));
    }

    private static Dependency dep(String name, Relation r, String v) {
        return new Dependency(name, null, r, v);
    }

    @Test
    void listsOnlyInstalledPackagesSorted() {
        List<String> names = db.installedPackages().stream().map(InstalledPackage::name).toList();
        assertEquals(List.of("base-files", "base-passwd", "bash", "dpkg", "gcc-12-base", "init-system-helpers",
                "libc6", "libc6-dev", "libgcc-s1", "libpq-dev", "libsqlite3-0", "libsqlite3-dev", "linux-libc-dev",
                "mawk", "postgresql-common", "usr-is-merged"), names);
        assertFalse(names.contains("gawk"), "gawk is only config-files");
        assertFalse(names.contains("usrmerge"));
        assertEquals("12.4+deb12u5", pkg("base-files").version(), "held packages count as installed");
    }

    @Test
    void readsVersionedAndAlternativeDependencies() {
        assertEquals(List.of(
                List.of(dep("libsqlite3-0", Relation.EQ, "3.40.1-2")),
                List.of(Dependency.on("libc6-dev"), Dependency.on("libc-dev"))), pkg("libsqlite3-dev").depends());
        assertEquals(List.of(List.of(Dependency.on("usrmerge"), Dependency.on("usr-is-merged"))),
                pkg("init-system-helpers").depends());
    }

    @Test
    void readsProvides() {
        assertEquals(List.of(new Provide("libc-dev", "2.36-9+deb12u4")), pkg("libc6-dev").provides());
        assertEquals(List.of(new Provide("libgcc1", "1:12.2.0-14")), pkg("libgcc-s1").provides());
        assertEquals(List.of(new Provide("awk", null)), pkg("mawk").provides());
        assertEquals(List.of(List.of(Dependency.on("awk"))), pkg("base-files").depends());
    }

    @Test
    void putsPreDependsBeforeDepends() {
        assertEquals(List.of(List.of(dep("libc6", Relation.GE, "2.36")), List.of(dep("base-files", Relation.GE, "2.1.12"))),
                pkg("bash").depends());
    }

    @Test
    void keepsDependencyCycles() {
        assertEquals(List.of(List.of(Dependency.on("libgcc-s1"))), pkg("libc6").depends());
        assertTrue(pkg("libgcc-s1").depends().contains(List.of(dep("libc6", Relation.GE, "2.35"))));
    }

    @Test
    void readsArchitectureMultiArchAndOrigin() {
        assertEquals("libc6:amd64", pkg("libc6").id());
        assertEquals(MultiArch.SAME, pkg("libc6").multiArch());
        assertEquals(MultiArch.FOREIGN, pkg("mawk").multiArch());
        assertEquals(MultiArch.NO, pkg("postgresql-common").multiArch());
        assertEquals("all", pkg("usr-is-merged").arch());
        assertEquals("Debian", pkg("base-files").vendor());
        assertEquals("debian", pkg("dpkg").vendor());
        assertEquals("", pkg("bash").vendor());
    }

    @Test
    void nativeArchIsDpkgsAndForeignArchsComeFromTheArchFile() {
        assertEquals("amd64", db.nativeArch());
        assertEquals(List.of("i386"), db.foreignArchs());
        assertEquals("dpkg", db.driverName());
        assertEquals(DebFixtures.ROOT, db.root());
        assertTrue(db.versionScheme().satisfies(pkg("libsqlite3-0").version(), Relation.EQ, "3.40.1-2"));
    }

    @Test
    void readsFileListsSkippingTheRootEntry() throws Exception {
        Map<InstalledPackage, List<PackageFile>> files = db.files(List.of(pkg("mawk"), pkg("libc6"), pkg("gcc-12-base")));
        assertEquals(List.of("gcc-12-base", "libc6", "mawk"), files.keySet().stream().map(InstalledPackage::name).toList());
        assertEquals(List.of("/usr", "/usr/bin", "/usr/bin/mawk", "/usr/share", "/usr/share/man", "/usr/share/man/man1",
                "/usr/share/man/man1/mawk.1.gz"), paths(files.get(pkg("mawk"))));
        assertTrue(paths(files.get(pkg("libc6"))).contains("/usr/lib/x86_64-linux-gnu/libc.so.6"), "from libc6:amd64.list");
        assertEquals(List.of("/usr", "/usr/share", "/usr/share/doc", "/usr/share/doc/gcc-12-base"),
                paths(files.get(pkg("gcc-12-base"))), "Multi-Arch: same falls back to the plain .list");
        assertTrue(files.values().stream().flatMap(List::stream).noneMatch(f -> f.path().equals("/.") || f.diverted()));
    }

    @Test
    void marksLiveConffiles() throws Exception {
        List<PackageFile> bash = db.files(List.of(pkg("bash"))).get(pkg("bash"));
        assertEquals(List.of("/etc/bash.bashrc", "/etc/skel/.bashrc", "/etc/skel/.profile"),
                bash.stream().filter(PackageFile::config).map(PackageFile::path).toList());
        assertNull(bash.get(0).metadata());
        List<PackageFile> baseFiles = db.files(List.of(pkg("base-files"))).get(pkg("base-files"));
        assertEquals(List.of("/etc/debian_version", "/etc/issue"),
                baseFiles.stream().filter(PackageFile::config).map(PackageFile::path).toList(),
                "obsolete and remove-on-upgrade conffiles are not config files any more");
    }

    @Test
    void appliesDiversions() throws Exception {
        Map<InstalledPackage, List<PackageFile>> files = db.files(List.of(pkg("libpq-dev"), pkg("postgresql-common"), pkg("base-files")));
        assertEquals("/usr/bin/pg_config.libpq-dev", find(files.get(pkg("libpq-dev")), "/usr/bin/pg_config").sourcePath());
        PackageFile own = find(files.get(pkg("postgresql-common")), "/usr/bin/pg_config");
        assertEquals("/usr/bin/pg_config", own.sourcePath(), "the diverting package's own file stays");
        assertFalse(own.diverted());
        PackageFile issue = find(files.get(pkg("base-files")), "/etc/issue");
        assertEquals("/etc/issue.distrib", issue.sourcePath(), "local diversion");
        assertTrue(issue.config());
    }

    @Test
    void missingOrUnreadableFileListIsAnErrorNamingIt(@TempDir Path tmp) throws Exception {
        Path root = DebFixtures.copyRoot(tmp);
        Files.delete(root.resolve("var/lib/dpkg/info/mawk.list"));
        DpkgDatabase copy = open(root);
        InstalledPackage mawk = copy.installedPackages().stream().filter(p -> p.name().equals("mawk")).findFirst().orElseThrow();
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> copy.files(List.of(mawk)));
        assertTrue(e.getMessage().contains(root.resolve("var/lib/dpkg/info/mawk.list").toString()), e.getMessage());
        Files.createDirectory(root.resolve("var/lib/dpkg/info/mawk.list"));
        e = assertThrows(PackageDatabaseException.class, () -> copy.files(List.of(mawk)));
        assertTrue(e.getMessage().startsWith("reading " + root.resolve("var/lib/dpkg/info/mawk.list")), e.getMessage());
    }

    @Test
    void malformedDependencyFailsOnlyTheResolutionsThatReachIt(@TempDir Path tmp) throws Exception {
        Path root = DebFixtures.copyRoot(tmp);
        Path status = root.resolve("var/lib/dpkg/status");
        Files.writeString(status, Files.readString(status) + "\nPackage: broken\nStatus: install ok installed\n"
                + "Version: 1\nArchitecture: all\nDepends: bash (>= )\n\nPackage: uses-broken\n"
                + "Status: install ok installed\nVersion: 1\nArchitecture: all\nDepends: broken\n");
        DpkgDatabase copy = open(root);
        org.jsupermin.resolve.Resolver resolver = new org.jsupermin.resolve.Resolver(copy.installedPackages(),
                copy.versionScheme(), copy.nativeArch());
        assertTrue(resolver.resolve(List.of("bash")).closure().stream().anyMatch(p -> p.name().equals("libc6")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolver.resolve(List.of("uses-broken")));
        assertTrue(e.getMessage().startsWith("reading " + status + " line "), e.getMessage());
        assertTrue(e.getMessage().contains("(package broken, field Depends): cannot parse dependency 'bash (>= )'"),
                e.getMessage());
    }

    /** What {@link PackageDatabase#firstListing} answers from {@link PackageDatabase#files}: its oracle. */
    private static String firstListingFromFiles(PackageDatabase db, List<String> paths) throws Exception {
        for (InstalledPackage p : db.installedPackages()) {
            for (PackageFile f : db.files(List.of(p)).get(p)) {
                if (paths.contains(f.path())) {
                    return p.name();
                }
            }
        }
        return null;
    }

    @Test
    void firstListingAgreesWithTheFileListsForEveryListedPathAndSomeUnlisted(@TempDir Path tmp) throws Exception {
        Path root = DebFixtures.copyRoot(tmp);
        // a name that is not UTF-8, listed by a second package too: the first by name must win
        byte[] latin1 = "/usr/share/doc/mawk/caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        for (String list : List.of("mawk.list", "bash.list")) {
            Path file = root.resolve("var/lib/dpkg/info/" + list);
            byte[] old = Files.readAllBytes(file);
            byte[] added = new byte[old.length + latin1.length + 1];
            System.arraycopy(old, 0, added, 0, old.length);
            System.arraycopy(latin1, 0, added, old.length, latin1.length);
            added[added.length - 1] = '\n';
            Files.write(file, added);
        }
        DpkgDatabase copy = open(root);
        List<String> asked = new ArrayList<>(List.of("/bin/sh", "/usr/bin/sh", "/etc/passwd", "/usr/bin/maw", "/",
                "/.", "usr/bin/mawk", "/usr/bin/mawk/"));
        for (List<PackageFile> files : copy.files(copy.installedPackages()).values()) {
            for (PackageFile f : files) {
                asked.add(f.path());
            }
        }
        int listed = 0;
        for (String path : asked) {
            String expected = firstListingFromFiles(copy, List.of(path));
            InstalledPackage got = copy.firstListing(List.of(path));
            assertEquals(expected, got == null ? null : got.name(), path);
            listed += expected == null ? 0 : 1;
        }
        assertTrue(listed > 20, "the fixture lists " + listed + " of the paths asked");
        assertEquals("bash", copy.firstListing(List.of(org.jsupermin.util.FileNames.decode(latin1))).name());
        assertEquals("mawk", copy.firstListing(List.of("/nothing", "/usr/bin/mawk")).name(), "any of the names");
        assertNull(copy.firstListing(List.of()));
    }

    @Test
    void alternativesAreTheDatabasesGroupsWithTheirChoicesBestFirst() throws Exception {
        List<String> got = db.alternatives().stream()
                .map(g -> g.master().name() + " " + g.master().link() + " " + g.slaves().stream().map(l -> l.name() + "=" + l.link()).toList()
                        + " " + g.choices().stream().map(c -> c.path() + "@" + c.priority() + c.slaveTargets()).toList()
                        + " host " + g.hostChoice())
                .toList();
        assertEquals(List.of(
                "awk /usr/bin/awk [awk.1.gz=/usr/share/man/man1/awk.1.gz, nawk=/usr/bin/nawk, nawk.1.gz=/usr/share/man/man1/nawk.1.gz]"
                        + " [/usr/bin/mawk@5[/usr/share/man/man1/mawk.1.gz, /usr/bin/mawk, /usr/share/man/man1/mawk.1.gz]] host /usr/bin/mawk",
                "pager /usr/bin/pager [pager.1.gz=/usr/share/man/man1/pager.1.gz] [/usr/bin/less@77[/usr/share/man/man1/less.1.gz]] host null"),
                got);
        assertTrue(db.extraEntries(List.of(pkg("mawk"))).isEmpty(), "alternatives are not extras");
    }

    @Test
    void alternativesPreferTheHighestPriorityAndAManualChoice(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("var/lib/dpkg/alternatives"));
        Files.createDirectories(root.resolve("etc/alternatives"));
        Files.copy(DebFixtures.ROOT.resolve("var/lib/dpkg/status"), root.resolve("var/lib/dpkg/status"));
        String body = "/usr/bin/editor\neditor.1.gz\n/usr/share/man/man1/editor.1.gz\n\n"
                + "/bin/nano\n40\n/usr/share/man/man1/nano.1.gz\n"
                + "/usr/bin/vim.basic\n50\n\n"
                + "/bin/ed\n-100\n/usr/share/man/man1/ed.1.gz\n"
                + "/usr/bin/mg\n50\n/usr/share/man/man1/mg.1.gz\n\n";
        Path group = root.resolve("var/lib/dpkg/alternatives/editor");
        Files.writeString(group, "auto\n" + body);
        Files.createSymbolicLink(root.resolve("etc/alternatives/editor"), Path.of("/bin/ed"));
        DpkgDatabase auto = new DpkgDatabase(root, 0);
        AlternativeGroup g = auto.alternatives().get(0);
        assertEquals(List.of("/usr/bin/vim.basic", "/usr/bin/mg", "/bin/nano", "/bin/ed"),
                g.choices().stream().map(AlternativeChoice::path).toList(), "auto: by priority, database order among equals");
        assertEquals(List.of(""), g.choices().get(0).slaveTargets(), "vim has no editor.1.gz slave");
        assertEquals("/bin/ed", g.hostChoice());
        Files.writeString(group, "manual\n" + body);
        g = new DpkgDatabase(root, 0).alternatives().get(0);
        assertEquals(List.of("/bin/ed", "/usr/bin/vim.basic", "/usr/bin/mg", "/bin/nano"),
                g.choices().stream().map(AlternativeChoice::path).toList(), "manual: the host's choice first");
        Files.writeString(group, "auto\n/usr/bin/editor\n\n/bin/nano\nforty\n\n");
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> new DpkgDatabase(root, 0).alternatives());
        assertTrue(e.getMessage().contains(group + " line 5") && e.getMessage().contains("forty"), e.getMessage());
    }

    @Test
    void basePasswdGivesAccountFilesFromTheMasters() throws Exception {
        var entries = db.extraEntries(List.of(pkg("base-passwd"), pkg("mawk")));
        var files = entries.stream().filter(e -> e.symlinkTarget() == null).toList();
        assertEquals(List.of("/etc/group", "/etc/gshadow", "/etc/passwd", "/etc/shadow"),
                files.stream().map(e -> e.path()).toList());
        byte[] passwdMaster = Files.readAllBytes(DebFixtures.ROOT.resolve("usr/share/base-passwd/passwd.master"));
        assertArrayEquals(passwdMaster, files.get(2).content());
        assertEquals(0644, files.get(2).mode());
        assertEquals(0, files.get(2).gid());
        assertArrayEquals(Files.readAllBytes(DebFixtures.ROOT.resolve("usr/share/base-passwd/group.master")),
                files.get(0).content());
        long days = EPOCH / 86400;
        assertEquals("root:*:" + days + ":0:99999:7:::\ndaemon:*:" + days + ":0:99999:7:::\nbin:*:" + days
                + ":0:99999:7:::\nsys:*:" + days + ":0:99999:7:::\nsync:*:" + days + ":0:99999:7:::\n",
                new String(files.get(3).content(), StandardCharsets.UTF_8));
        assertEquals(0640, files.get(3).mode());
        assertEquals(42, files.get(3).gid());
        assertEquals("root:*::\ndaemon:*::\nbin:*::\nsys:*::\nadm:*::\ntty:*::\n",
                new String(files.get(1).content(), StandardCharsets.UTF_8));
        assertEquals(42, files.get(1).gid());
        List<String> sorted = new ArrayList<>(entries.stream().map(e -> e.path()).toList());
        Collections.sort(sorted, org.jsupermin.util.PathOrder.COMPARATOR);
        assertEquals(sorted, entries.stream().map(e -> e.path()).toList());
        assertTrue(db.extraEntries(List.of(pkg("bash"))).stream().noneMatch(e -> e.path().equals("/etc/passwd")));
    }

    @Test
    void outputsDoNotDependOnInputOrder() throws Exception {
        List<InstalledPackage> all = new ArrayList<>(db.installedPackages());
        List<InstalledPackage> reversed = new ArrayList<>(all);
        Collections.reverse(reversed);
        assertEquals(db.files(all), db.files(reversed));
        assertEquals(new ArrayList<>(db.files(all).keySet()), new ArrayList<>(db.files(reversed).keySet()));
        var options = new org.jsupermin.packages.ConfigFileOptions(true, null, false, null);
        assertEquals(db.configFiles(all, options).stream().map(c -> c.path() + c.packageName()).toList(),
                db.configFiles(reversed, options).stream().map(c -> c.path() + c.packageName()).toList());
        assertEquals(db.extraEntries(all).stream().map(e -> e.path() + " " + e.symlinkTarget()).toList(),
                db.extraEntries(reversed).stream().map(e -> e.path() + " " + e.symlinkTarget()).toList());
    }

    @Test
    void driverDetectsTheRoot(@TempDir Path empty) throws Exception {
        DpkgDriver driver = new DpkgDriver();
        assertEquals("dpkg", driver.name());
        assertEquals("var/lib/dpkg/status", driver.lookedFor());
        assertTrue(driver.detect(DebFixtures.ROOT));
        assertFalse(driver.detect(empty));
        PackageDatabase opened = PackageDatabases.detect(DebFixtures.ROOT);
        assertInstanceOf(DpkgDatabase.class, opened);
        assertEquals(16, opened.installedPackages().size());
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> PackageDatabases.detect(empty));
        assertTrue(e.getMessage().contains("var/lib/dpkg/status"), e.getMessage());
    }

    private static List<String> paths(List<PackageFile> files) {
        return files.stream().map(PackageFile::path).toList();
    }

    private static PackageFile find(List<PackageFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError(path));
    }
}
