package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.jsupermin.testing.RawTarReader;
import org.jsupermin.testing.RootListing;
import org.jsupermin.testing.RpmRoot;
import org.jsupermin.testing.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --root} over a root that the real rpm populated: the packages file, the closure, the
 * pristine config file, and chroot and tar outputs whose files match what rpm installed.
 */
class RpmRootIT {

    static final String[] CLOSURE = {"filesystem", "hello", "libgreet", "shell"};

    @TempDir
    static Path tmp;
    static RpmRoot.Fixture fixture;
    static Path prepared;

    @BeforeAll
    static void prepare() throws Exception {
        fixture = RpmRoot.create(tmp.resolve("fixture"));
        Files.writeString(fixture.root().resolve("etc/hello.conf"), "greeting = edited on the host\n");
        prepared = tmp.resolve("supermin.d");
        Tools.jsupermin("--root", fixture.root().toString(), "--prepare", "hello", "--packages-from",
                fixture.rpms().toString(), "-o", prepared.toString()).orFail("prepare");
    }

    @Test
    void packagesFileNamesTheRequestAndThePackagelistTheClosure() throws IOException {
        assertEquals("hello\n", Files.readString(prepared.resolve("packages")));
        Path out = tmp.resolve("listed");
        Tools.jsupermin("--root", fixture.root().toString(), "--build", "-f", "chroot", "--include-packagelist",
                prepared.toString(), "-o", out.toString()).orFail("build");
        String rpmSays = fixture.rpm(concat("-q", concat("--qf", concat("%{NAME}_%{EVR}_%{ARCH}\\n", CLOSURE))))
                .orFail("rpm -q").stdout();
        assertTrue(rpmSays.contains("hello_1:2.0-1_x86_64"), rpmSays);
        assertEquals(rpmSays, Files.readString(out.resolve("packagelist")));
    }

    @Test
    void baseImageHoldsThePristineConfigFile() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(prepared.resolve("base.tar.gz")))) {
            Map<String, RawTarReader.Member> members = new TreeMap<>();
            for (RawTarReader.Member m : RawTarReader.read(in)) {
                members.put(m.name().replaceFirst("^\\./", "").replaceFirst("/$", ""), m);
            }
            RawTarReader.Member conf = members.get("etc/hello.conf");
            assertTrue(conf != null, "etc/hello.conf in " + members.keySet());
            assertEquals(RpmRoot.HELLO_CONF, new String(conf.content(), StandardCharsets.UTF_8));
            assertEquals(0644, conf.mode() & 07777);
        }
    }

    @Test
    void chrootMatchesWhatRpmInstalled() throws IOException {
        Path out = tmp.resolve("chroot");
        Tools.jsupermin("--root", fixture.root().toString(), "--build", "-f", "chroot", prepared.toString(),
                "-o", out.toString()).orFail("build chroot");
        Map<String, String> expected = expectedListing();
        Map<String, String> actual = RootListing.of(out, expected.keySet());
        assertEquals(expected, actual);
        assertEquals(RpmRoot.HELLO_CONF, Files.readString(out.resolve("etc/hello.conf")));
        assertEquals(RpmRoot.HELLO_OUTPUT + "\n",
                Tools.run("chroot", out.toString(), "/usr/bin/hi").orFail("chroot hello").stdout());
    }

    @Test
    void tarMatchesWhatRpmInstalled() throws IOException {
        Path tar = tmp.resolve("root.tar");
        Tools.jsupermin("--root", fixture.root().toString(), "--build", "-f", "tar", prepared.toString(),
                "-o", tar.toString()).orFail("build tar");
        Map<String, String> expected = expectedListing();
        Map<String, String> actual;
        try (InputStream in = Files.newInputStream(tar)) {
            actual = RootListing.of(RawTarReader.read(in), expected.keySet());
        }
        assertEquals(expected, actual);
    }

    @Test
    void severalInstalledVersionsOfOnePackage() throws Exception {
        RpmRoot.Fixture f = RpmRoot.create(tmp.resolve("kernels"));
        Path image = Files.writeString(tmp.resolve("vmlinuz"), "not a kernel\n");
        Path kernels = Files.createDirectories(tmp.resolve("kernel-rpms"));
        for (String v : List.of("6.1.0", "6.10.0", "6.2.0")) {
            org.redline_rpm.Builder b = RpmRoot.builder("kernel", v, "1", -1);
            b.addFile("/boot/vmlinuz-" + v, image.toFile(), 0644, -1, org.redline_rpm.payload.Directive.NONE,
                    "root", "root");
            b.addDependency("shell", 0, "");
            b.build(kernels.toFile());
        }
        RpmRoot.install(f, RpmRoot.rpmFiles(kernels));
        assertEquals(3, f.rpm("-q", "kernel").orFail("rpm -q kernel").stdout().lines().count());
        Path d = tmp.resolve("kernel.d");
        Tools.jsupermin("--root", f.root().toString(), "--prepare", "kernel", "-o", d.toString()).orFail("prepare");
        Path out = tmp.resolve("kernel-chroot");
        Tools.jsupermin("--root", f.root().toString(), "--build", "-f", "chroot", "--include-packagelist",
                d.toString(), "-o", out.toString()).orFail("build");
        // like supermin: the newest installed version of a requested name
        assertTrue(Files.readString(out.resolve("packagelist")).contains("kernel_0:6.10.0-1_x86_64\n"),
                Files.readString(out.resolve("packagelist")));
        try (var s = Files.list(out.resolve("boot"))) {
            assertEquals(List.of("vmlinuz-6.10.0"), s.map(p -> p.getFileName().toString()).toList());
        }
        String why = Tools.jsupermin("--root", f.root().toString(), "--prepare", "kernel", "--explain", "shell")
                .orFail("explain").stdout();
        assertTrue(why.contains("kernel"), why);
    }

    /**
     * Every path rpm lists for the closure, as found under the root (the config file as rpm's
     * header records it: pristine size and content digest).
     */
    private static Map<String, String> expectedListing() throws IOException {
        String listed = fixture.rpm(concat("-ql", CLOSURE)).orFail("rpm -ql").stdout();
        List<String> paths = listed.lines().filter(l -> l.startsWith("/")).sorted().toList();
        assertTrue(paths.contains("/usr/bin/hello") && paths.contains("/bin"), paths.toString());
        Map<String, String> expected = RootListing.of(fixture.root(), paths);
        expected.put("/etc/hello.conf", RootListing.describe('-', 0644, 0, 0,
                RpmRoot.HELLO_CONF.getBytes(StandardCharsets.UTF_8), null));
        return expected;
    }

    private static String[] concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
