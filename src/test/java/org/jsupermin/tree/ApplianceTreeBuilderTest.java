package org.jsupermin.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.jsupermin.host.HostTreeWalk;
import org.jsupermin.host.RootPaths;
import org.jsupermin.manifest.BaseFile;
import org.jsupermin.manifest.Manifest;
import org.jsupermin.manifest.ManifestWriter;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.dpkg.DpkgDriver;
import org.jsupermin.resolve.Resolver;
import org.jsupermin.testing.TestTar;
import org.jsupermin.util.RawPaths;
import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The appliance tree of the dpkg fixture root (test-fixtures/dpkg-root), copied and given the
 * package files its lists name, plus usrmerge links, a hard link and a setuid file.
 */
class ApplianceTreeBuilderTest {

    @TempDir
    Path tmp;
    private Path root;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void materialiseRoot() throws IOException {
        root = tmp.resolve("root");
        Path fixture = Path.of("test-fixtures/dpkg-root");
        try (Stream<Path> s = Files.walk(fixture)) {
            for (Path p : s.toList()) {
                Path to = root.resolve(fixture.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createDirectories(root.resolve("usr/lib/firmware"));
        Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
        Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
        // every listed path that is not already there becomes a small file (or a dir if it has children)
        try (Stream<Path> lists = Files.list(root.resolve("var/lib/dpkg/info"))) {
            for (Path list : lists.filter(p -> p.toString().endsWith(".list")).sorted().toList()) {
                List<String> paths = Files.readAllLines(list);
                for (String p : paths) {
                    if (p.equals("/.") || p.isBlank()) {
                        continue;
                    }
                    Path host = root.resolve(p.substring(1));
                    boolean isDir = paths.stream().anyMatch(o -> o.startsWith(p + "/"));
                    if (isDir) {
                        Files.createDirectories(host);
                    } else if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectories(host.getParent());
                        Files.writeString(host, "content of " + p + "\n");
                    }
                }
            }
        }
        Files.writeString(root.resolve("usr/bin/pg_config.libpq-dev"), "libpq-dev's pg_config\n");
        Files.writeString(root.resolve("usr/bin/pg_config"), "postgresql-common's wrapper\n");
        Files.writeString(root.resolve("usr/lib/firmware/blob.bin"), "firmware");
        Files.setAttribute(root.resolve("usr/bin/mawk"), "unix:mode", 04755);
        Files.deleteIfExists(root.resolve("usr/bin/rbash"));
        Files.createLink(root.resolve("usr/bin/rbash"), root.resolve("usr/bin/bash"));
    }

    private ApplianceTree build(List<String> requested, List<String> hostfiles, List<String> excludes, List<Path> bases)
            throws Exception {
        PackageDatabase db = new DpkgDriver().open(root);
        List<InstalledPackage> closure = new Resolver(db.installedPackages(), db.versionScheme(), db.nativeArch())
                .resolve(requested).closure();
        Manifest m = new Manifest(requested, hostfiles, excludes, bases, List.of());
        Reporter r = new Reporter() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        ApplianceTree tree = ApplianceTreeBuilder.build(new TreeInputs(db, closure, m, List.of(), true, 1_700_000_000L, r));
        // the builder's trees skip the checks of ApplianceTree.of: they must pass them
        assertEquals(tree.entries(), ApplianceTree.of(new ArrayList<>(tree.entries())).entries());
        return tree;
    }

    private ApplianceTree build(String... requested) throws Exception {
        return build(List.of(requested), List.of(), List.of(), List.of());
    }

    @Test
    void packageFilesLandOnTheirCanonicalPathsBehindTheUsrmergeLinks() throws Exception {
        ApplianceTree t = build("bash");
        assertEquals(EntryType.SYMLINK, t.get("/bin").type());
        assertEquals("usr/bin", t.get("/bin").linkTarget());
        assertEquals(EntryType.FILE, t.get("/usr/bin/bash").type());
        assertNull(t.get("/etc/bash.bashrc"), "config files come from the base image, not the host");
        for (String dir : List.of("/dev", "/proc", "/sys", "/run")) {
            assertEquals(EntryType.DIRECTORY, t.get(dir).type(), dir);
        }
        assertEquals(01777, t.get("/tmp").mode());
        assertNotNull(t.get("/packagelist"));
    }

    @Test
    void thePackagesRegularFilesAreAnnouncedInPathOrderBeforeTheTreeIsDone() throws Exception {
        PackageDatabase db = new DpkgDriver().open(root);
        List<InstalledPackage> closure = new Resolver(db.installedPackages(), db.versionScheme(), db.nativeArch())
                .resolve(List.of("bash", "mawk")).closure();
        Manifest m = new Manifest(List.of("bash", "mawk"), List.of(), List.of("/usr/bin/mawk"), List.of(), List.of());
        List<TreeEntry> announced = new ArrayList<>();
        ApplianceTree t = ApplianceTreeBuilder.build(new TreeInputs(db, closure, m, List.of(), false, 5L,
                Reporter.SILENT, announced::addAll));
        List<String> paths = announced.stream().map(TreeEntry::path).toList();
        assertFalse(paths.contains("/usr/bin/bash"), "hard-linked files are left to the tree: " + paths);
        assertTrue(paths.contains("/usr/bin/mawk"), "announced before excludefiles apply: " + paths);
        assertNull(t.get("/usr/bin/mawk"));
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(org.jsupermin.util.PathOrder.COMPARATOR);
        assertEquals(sorted, paths);
        for (TreeEntry e : announced) {
            assertEquals(EntryType.FILE, e.type(), e.path());
            TreeEntry inTree = t.get(e.path());
            if (inTree != null) {
                assertEquals(inTree.source(), e.source(), e.path());
                assertEquals(inTree.size(), e.size(), e.path());
            }
        }
        long inTreeFiles = t.entries().stream().filter(e -> e.type() == EntryType.FILE && !e.path().equals("/usr/bin/bash")
                && !e.path().equals("/usr/bin/rbash") && e.source() instanceof ContentSource.HostFile).count();
        assertEquals(inTreeFiles, announced.stream().filter(e -> t.get(e.path()) != null).count(),
                "every host file of the tree but the hard links was announced");
    }

    @Test
    void hardLinksShareAGroupAndSetuidBitsSurvive() throws Exception {
        ApplianceTree t = build("bash", "mawk");
        assertEquals("/usr/bin/bash", t.get("/usr/bin/rbash").hardLinkGroup());
        assertEquals("/usr/bin/bash", t.get("/usr/bin/bash").hardLinkGroup());
        assertTrue(t.get("/usr/bin/rbash").isHardLinkToEarlier());
        assertEquals(04755, t.get("/usr/bin/mawk").mode());
    }

    @Test
    void capabilitiesAreReadForExecutablesButNotForLaterHardLinksNorExcludedFiles() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "setting file capabilities needs root");
        Files.setAttribute(root.resolve("usr/bin/bash"), "unix:mode", 0755);
        setcap("cap_net_raw+ep", root.resolve("usr/bin/bash"));
        setcap("cap_net_admin+ep", root.resolve("usr/bin/mawk"));
        setcap("cap_net_admin+ep", root.resolve("usr/lib/firmware/blob.bin"));
        ApplianceTree t = build(List.of("bash", "mawk"), List.of("/lib/firmware/blob.bin"), List.of("/usr/bin/mawk"), List.of());
        assertNotNull(t.get("/usr/bin/bash").xattrs().get("security.capability"));
        assertTrue(t.get("/usr/bin/rbash").isHardLinkToEarlier());
        assertNull(t.get("/usr/bin/rbash").xattrs().get("security.capability"), "a later hard link carries no xattrs");
        assertNull(t.get("/usr/bin/mawk"));
        assertEquals(0644, t.get("/usr/lib/firmware/blob.bin").mode() & 0777);
        assertNull(t.get("/usr/lib/firmware/blob.bin").xattrs().get("security.capability"),
                "capabilities act only on execve: a file without an execute bit is not asked");
    }

    private static void setcap(String caps, Path file) throws Exception {
        Process p = new ProcessBuilder("setcap", caps, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "setcap " + caps + " " + file + ": " + out);
    }

    @Test
    void alternativesLinksAreRecreatedForIncludedTargets() throws Exception {
        ApplianceTree t = build("mawk");
        assertEquals("/etc/alternatives/awk", t.get("/usr/bin/awk").linkTarget());
        assertEquals("/usr/bin/mawk", t.get("/etc/alternatives/awk").linkTarget());
    }

    @Test
    void accountsComeFromBasePasswdsMasterFiles() throws Exception {
        ApplianceTree t = build("base-passwd");
        TreeEntry passwd = t.get("/etc/passwd");
        assertNotNull(passwd);
        try (InputStream in = passwd.source().open()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(Files.readString(root.resolve("usr/share/base-passwd/passwd.master")), text);
        }
        assertEquals(0640, t.get("/etc/shadow").mode());
        assertEquals(42, t.get("/etc/shadow").gid());
    }

    @Test
    void aDivertedFileComesFromWhereItsPackagesCopyNowLives() throws Exception {
        ApplianceTree t = build("libpq-dev");
        ContentSource.HostFile src = (ContentSource.HostFile) t.get("/usr/bin/pg_config").source();
        assertEquals(root.resolve("usr/bin/pg_config.libpq-dev"), src.path());
        ApplianceTree both = build("libpq-dev", "postgresql-common");
        assertEquals(root.resolve("usr/bin/pg_config"), ((ContentSource.HostFile) both.get("/usr/bin/pg_config").source()).path());
    }

    @Test
    void excludesMatchThroughTheUsrmergeAliasAndRemoveDirectoryContents() throws Exception {
        ApplianceTree t = build(List.of("bash"), List.of("/lib/firmware/*", "/usr/share/doc"), List.of(), List.of());
        assertNotNull(t.get("/usr/lib/firmware/blob.bin"), "hostfiles through /lib");
        ApplianceTree ex = build(List.of("bash"), List.of("/lib/firmware/*"), List.of("/lib/firmware/*", "/usr/share/doc"), List.of());
        assertNull(ex.get("/usr/lib/firmware/blob.bin"));
        assertNull(ex.get("/usr/share/doc/bash"));
        assertNull(ex.get("/usr/share/doc"));
    }

    @Test
    void excludefilesLeaveTheExtraTreesWholeAsSuperminLeavesTheKernelsModules() throws Exception {
        // libguestfs's appliance excludes /lib/modules/* and /usr/lib/modules/* against the
        // packages' module files; the kernel's module tree still goes in whole
        Path kernelModules = root.resolve("usr/lib/modules/6.1.0-test");
        Files.createDirectories(kernelModules.resolve("kernel/fs/ext4"));
        Files.writeString(kernelModules.resolve("kernel/fs/ext4/ext4.ko"), "module");
        Files.writeString(kernelModules.resolve("modules.dep"), "kernel/fs/ext4/ext4.ko:\n");
        Path packaged = root.resolve("usr/lib/modules/from-a-package");
        Files.createDirectories(packaged);
        Files.writeString(packaged.resolve("extra.ko"), "not the kernel's");
        TreeInputs.ExtraTree modules = new TreeInputs.ExtraTree(kernelModules, CompletableFuture.completedFuture(
                HostTreeWalk.walk(kernelModules, "/lib/modules/6.1.0-test", w -> { })));
        PackageDatabase db = new DpkgDriver().open(root);
        List<InstalledPackage> closure = new Resolver(db.installedPackages(), db.versionScheme(), db.nativeArch())
                .resolve(List.of("bash")).closure();
        Manifest m = new Manifest(List.of("bash"), List.of("/lib/modules/from-a-package/*"),
                List.of("/lib/modules/*", "/usr/lib/modules/*"), List.of(), List.of());
        ApplianceTree t = ApplianceTreeBuilder.build(new TreeInputs(db, closure, m, List.of(modules), false, null,
                Reporter.SILENT));
        assertEquals(EntryType.DIRECTORY, t.get("/usr/lib/modules/6.1.0-test").type());
        assertEquals(6, t.get("/usr/lib/modules/6.1.0-test/kernel/fs/ext4/ext4.ko").size());
        assertNotNull(t.get("/usr/lib/modules/6.1.0-test/modules.dep"));
        assertEquals(EntryType.SYMLINK, t.get("/lib").type(), "the link the modules' path crosses");
        assertNull(t.get("/usr/lib/modules/from-a-package/extra.ko"), "hostfiles are still excluded");
        assertNull(t.get("/usr/lib/modules/from-a-package"));
    }

    @Test
    void sizeReportCountsPackagesAndExcludeRulesLargestFirst() throws Exception {
        PackageDatabase db = new DpkgDriver().open(root);
        List<InstalledPackage> closure = new Resolver(db.installedPackages(), db.versionScheme(), db.nativeArch())
                .resolve(List.of("bash", "mawk")).closure();
        Files.writeString(root.resolve("usr/bin/mawk"), "x".repeat(5000));
        Manifest m = new Manifest(List.of(), List.of("/lib/firmware/*"), List.of("/lib/firmware/*"), List.of(), List.of());
        Assembly a = ApplianceTreeBuilder.assemble(new TreeInputs(db, closure, m, List.of(), false, null, Reporter.SILENT));
        SizeReport.Line first = a.sizes().packages().get(0);
        assertEquals("mawk", first.name());
        assertTrue(first.bytes() >= 5000);
        assertEquals(List.of(new SizeReport.Line("-/lib/firmware/*", 8)), a.sizes().excludes());
        for (int i = 1; i < a.sizes().packages().size(); i++) {
            assertTrue(a.sizes().packages().get(i - 1).bytes() >= a.sizes().packages().get(i).bytes());
        }
    }

    @Test
    void whatIsInsideAnExcludedDirectoryCountsUnderTheDirectorysRuleAndNotUnderItsOwn() throws Exception {
        PackageDatabase db = new DpkgDriver().open(root);
        List<InstalledPackage> closure = new Resolver(db.installedPackages(), db.versionScheme(), db.nativeArch())
                .resolve(List.of("bash")).closure();
        Manifest all = new Manifest(List.of(), List.of(), List.of(), List.of(), List.of());
        long docBytes = ApplianceTreeBuilder.build(new TreeInputs(db, closure, all, List.of(), false, null, Reporter.SILENT))
                .entries().stream().filter(e -> e.type() == EntryType.FILE && e.path().startsWith("/usr/share/doc/"))
                .mapToLong(TreeEntry::size).sum();
        assertTrue(docBytes > Files.size(root.resolve("usr/share/doc/bash")), "more than bash's own doc file");
        Manifest m = new Manifest(List.of(), List.of(), List.of("/usr/share/doc", "*bash*"), List.of(), List.of());
        Assembly a = ApplianceTreeBuilder.assemble(new TreeInputs(db, closure, m, List.of(), false, null, Reporter.SILENT));
        assertNull(a.tree().get("/usr/share/doc/bash"));
        assertNull(a.tree().get("/usr/bin/rbash"));
        assertNotNull(a.tree().get("/usr/share"));
        long bashBytes = Files.size(root.resolve("usr/bin/bash")); // rbash is the same file, counted twice
        assertEquals(List.of(new SizeReport.Line("-/usr/share/doc", docBytes),
                new SizeReport.Line("-*bash*", 2 * bashBytes)), a.sizes().excludes());
    }

    @Test
    void baseImagesOverrideAndAreCanonicalised() throws Exception {
        Path base = tmp.resolve("base.tar.gz");
        try (OutputStream out = Files.newOutputStream(base)) {
            ManifestWriter.writeBaseImage(out, List.of(
                    new BaseFile("/etc/bash.bashrc", 0644, null, "pristine\n".getBytes(StandardCharsets.UTF_8)),
                    new BaseFile("/bin/extra", 0755, null, "x".getBytes(StandardCharsets.UTF_8))), 0);
        }
        ApplianceTree t = build(List.of("bash"), List.of(), List.of(), List.of(base));
        try (InputStream in = t.get("/etc/bash.bashrc").source().open()) {
            assertEquals("pristine\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertNotNull(t.get("/usr/bin/extra"), "./bin/extra lands behind the /bin link");
    }

    @Test
    void aBaseImageMemberThroughItsOwnSymlinkIsRefused() throws Exception {
        Path src = tmp.resolve("evil");
        Files.createDirectories(src.resolve("d"));
        Files.writeString(src.resolve("d/x"), "x");
        Files.createSymbolicLink(src.resolve("link"), Path.of("/tmp"));
        Path evil = tmp.resolve("evil.tar");
        Process p = new ProcessBuilder("tar", "-cf", evil.toString(), "-C", src.toString(), "link",
                "--transform", "s,^d,link,", "d/x").inheritIO().start();
        assertEquals(0, p.waitFor());
        TreeException e = assertThrows(TreeException.class, () -> build(List.of("bash"), List.of(), List.of(), List.of(evil)));
        assertTrue(e.getMessage().contains("evil.tar") && e.getMessage().contains("symlink"), e.getMessage());
    }

    private TreeException refused(List<String> hostfiles, Path... bases) {
        return assertThrows(TreeException.class, () -> build(List.of("bash"), hostfiles, List.of(), List.of(bases)));
    }

    private static void assertNames(TreeException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aMemberBehindTheUsrmergeAliasOfTheArchivesOwnSymlinkIsRefused() throws Exception {
        Path evil = new TestTar().symlink("./usr/lib/foo", "/tmp/X").file("./lib/foo/pwned", "x")
                .writeTo(tmp.resolve("alias.tar"));
        assertNames(refused(List.of(), evil), "/usr/lib/foo/pwned", "is inside /usr/lib/foo, a symlink to /tmp/X (both from base image", "alias.tar");
    }

    @Test
    void aMemberUnderASymlinkOfAnEarlierBaseImageIsRefused() throws Exception {
        Path first = new TestTar().symlink("./x", "/tmp/X").writeTo(tmp.resolve("first.tar"));
        Path second = new TestTar().dir("./x/").file("./x/pwned", "x").writeTo(tmp.resolve("second.tar"));
        Path secondFileOnly = new TestTar().file("./x/pwned", "x").writeTo(tmp.resolve("second-file.tar"));
        assertNames(refused(List.of(), first, secondFileOnly), "/x/pwned (from base image", "second-file.tar",
                "/x, a symlink to /tmp/X (from base image", "first.tar");
        // a directory member replacing the symlink is a directory again: nothing escapes
        ApplianceTree t = build(List.of("bash"), List.of(), List.of(), List.of(first, second));
        assertEquals(EntryType.DIRECTORY, t.get("/x").type());
    }

    @Test
    void aSymlinkReplacingAPackagesDirectoryIsRefused() throws Exception {
        Path list = root.resolve("var/lib/dpkg/info/bash.list");
        Files.writeString(list, Files.readString(list) + "/usr/share/doc/bash/copyright\n");
        Files.deleteIfExists(root.resolve("usr/share/doc/bash")); // materialised as a file: nothing was under it
        Files.createDirectories(root.resolve("usr/share/doc/bash"));
        Files.writeString(root.resolve("usr/share/doc/bash/copyright"), "GPL");
        Path absolute = new TestTar().symlink("./usr/share/doc/bash", "/tmp/X").writeTo(tmp.resolve("abs.tar"));
        assertNames(refused(List.of(), absolute), "/usr/share/doc/bash/copyright (from package bash)",
                "/usr/share/doc/bash, a symlink to /tmp/X (from base image");
        Path relative = new TestTar().symlink("./usr/share/doc/bash", "../../../../../../tmp/X")
                .writeTo(tmp.resolve("rel.tar"));
        assertNames(refused(List.of(), relative), "/usr/share/doc/bash/copyright", "../../../../../../tmp/X");
    }

    @Test
    void aFileReplacingADirectoryWithContentsIsRefused() throws Exception {
        Path evil = new TestTar().file("./usr/bin", "not a directory").writeTo(tmp.resolve("file.tar"));
        assertNames(refused(List.of(), evil), "/usr/bin/bash", "/usr/bin, a regular file (from base image");
    }

    @Test
    void aHardLinkWhoseFileALaterImageReplacesByASymlinkIsRefused() throws Exception {
        Path first = new TestTar().file("./etc/a", "a").hardLink("./etc/b", "./etc/a").writeTo(tmp.resolve("h1.tar"));
        Path second = new TestTar().symlink("./etc/a", "/etc/shadow").writeTo(tmp.resolve("h2.tar"));
        assertNames(refused(List.of(), first, second), "hard link /etc/b", "/etc/a", "symlink");
    }

    @Test
    void namesNoFormatCanHoldAreRefusedWithOneLine() throws Exception {
        Path longComponent = new TestTar().file("./etc/" + "n".repeat(300), "x").writeTo(tmp.resolve("long.tar"));
        assertNames(refused(List.of(), longComponent), "300 bytes", "long.tar", "…");
        Path deep = new TestTar().file("./" + "a/".repeat(10_000) + "f", "x").writeTo(tmp.resolve("deep.tar"));
        assertNames(refused(List.of(), deep), "deep.tar", "longer than 4095 bytes");
        Path nul = new TestTar().member("./etc/a\0b".getBytes(StandardCharsets.ISO_8859_1), '0', 0644, new byte[1], null)
                .writeTo(tmp.resolve("nul.tar"));
        // a NUL ends a ustar name: the member is ./etc/a
        assertNotNull(build(List.of("bash"), List.of(), List.of(), List.of(nul)).get("/etc/a"));
    }

    @Test
    void canonicalisationOfThousandsOfComponentsDoesNotRecurse() throws Exception {
        RootPaths paths = new RootPaths(root);
        String deep = "/lib" + "/a".repeat(20_000) + "/f";
        assertEquals("/usr/lib" + "/a".repeat(20_000) + "/f", paths.canonical(deep));
    }

    @Test
    void namesThatAreNotUtf8AreKeptByteForByteFromPackagesAndBaseImages() throws Exception {
        byte[] latin1 = "/usr/share/doc/bash/caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        Path list = root.resolve("var/lib/dpkg/info/bash.list");
        Files.write(list, (Files.readString(list) + new String(latin1, StandardCharsets.ISO_8859_1) + "\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.deleteIfExists(root.resolve("usr/share/doc/bash"));
        Files.createDirectories(root.resolve("usr/share/doc/bash"));
        Files.writeString(RawPaths.resolve(root, "usr/share/doc/bash/caf\udce9"), "from the host");
        Path base = new TestTar()
                .member("./etc/pax-\u00ff".getBytes(StandardCharsets.ISO_8859_1), '0', 0644, new byte[1], null)
                .plainFile("./etc/ustar-\u00fe".getBytes(StandardCharsets.ISO_8859_1), "x")
                .symlink("./etc/utf8-\u00e9", "caf\u00e9")
                .writeTo(tmp.resolve("names.tar"));
        ApplianceTree t = build(List.of("bash"), List.of(), List.of(), List.of(base));
        TreeEntry host = t.get("/usr/share/doc/bash/caf\udce9");
        assertNotNull(host);
        try (InputStream in = host.source().open()) {
            assertEquals("from the host", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertNotNull(t.get("/etc/pax-\udcff"));
        assertNotNull(t.get("/etc/ustar-\udcfe"));
        assertEquals("caf\u00e9", t.get("/etc/utf8-\u00e9").linkTarget());
    }

    @Test
    void theTreeDoesNotDependOnTheOrderOfTheClosure() throws Exception {
        PackageDatabase db = new DpkgDriver().open(root);
        List<InstalledPackage> closure = new ArrayList<>(new Resolver(db.installedPackages(), db.versionScheme(), db.nativeArch())
                .resolve(List.of("bash", "mawk", "libpq-dev", "base-passwd")).closure());
        Manifest m = new Manifest(List.of(), List.of(), List.of(), List.of(), List.of());
        ApplianceTree a = ApplianceTreeBuilder.build(new TreeInputs(db, closure, m, List.of(), false, 5L, Reporter.SILENT));
        Collections.shuffle(closure, new Random(7));
        ApplianceTree b = ApplianceTreeBuilder.build(new TreeInputs(db, closure, m, List.of(), false, 5L, Reporter.SILENT));
        assertEquals(describe(a), describe(b));
        assertTrue(a.entries().stream().allMatch(e -> e.mtime() <= 5L), "mtimes clamped");
        assertFalse(describe(a).isEmpty());
    }

    private static List<String> describe(ApplianceTree t) {
        return t.entries().stream().map(e -> e.path() + " " + e.type() + " " + Integer.toOctalString(e.mode()) + " "
                + e.uid() + ":" + e.gid() + " " + e.mtime() + " " + e.size() + " " + e.linkTarget() + " " + e.hardLinkGroup()
                + " " + (e.source() == null ? "" : e.source().describe())).toList();
    }
}
