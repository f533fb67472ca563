package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsupermin.testing.FixtureRoots;
import org.jsupermin.testing.RawTarReader;
import org.jsupermin.testing.RootAppliance;
import org.jsupermin.testing.RootListing;
import org.jsupermin.testing.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --root} over a materialised copy of the apk fixture root: closure, pristine /etc files, chroot and tar. */
class ApkRootIT {

    static final String PACKAGELIST = """
            busybox_1.36.1-r29_x86_64
            hello_2.0_rc1-r3_x86_64
            musl_1.2.5-r0_x86_64
            """;

    @TempDir
    static Path tmp;
    static FixtureRoots.Fixture fixture;
    static RootAppliance appliance;
    static Path prepared;

    @BeforeAll
    static void prepare() throws Exception {
        fixture = FixtureRoots.apk(tmp.resolve("fixture"));
        appliance = new RootAppliance(fixture.root(), tmp);
        prepared = appliance.prepare("hello", fixture.packages(), "hello");
    }

    @Test
    void packagesFileClosureAndPristineConfigFiles() throws Exception {
        assertEquals("hello\n", Files.readString(prepared.resolve("packages")));
        Map<String, RawTarReader.Member> base = RootAppliance.baseImage(prepared);
        assertEquals(FixtureRoots.HELLO_CONF, new String(base.get("/etc/hello.conf").content(), StandardCharsets.UTF_8));
        assertEquals(0640, base.get("/etc/hello.conf").mode() & 07777);
        assertEquals("console\n", new String(base.get("/etc/securetty").content(), StandardCharsets.UTF_8));
        Path out = appliance.build(prepared, "chroot", "listed");
        assertEquals(PACKAGELIST, Files.readString(out.resolve("packagelist")));
    }

    @Test
    void chrootAndTarHoldTheInstalledFiles() throws Exception {
        Map<String, String> expected = expected();
        Path chroot = appliance.build(prepared, "chroot", "chroot");
        assertEquals(expected, RootListing.of(chroot, expected.keySet()));
        assertEquals(FixtureRoots.HELLO_CONF, Files.readString(chroot.resolve("etc/hello.conf")));
        assertEquals(FixtureRoots.HELLO_OUTPUT + "\n",
                Tools.run("chroot", chroot.toString(), "/usr/bin/hello").orFail("chroot hello").stdout());
        Path tar = appliance.build(prepared, "tar", "root.tar");
        assertEquals(expected, RootListing.of(RootAppliance.tar(tar), expected.keySet()));
    }

    /** The closure's listed paths present on the root, as the root has them (config files: pristine). */
    private static Map<String, String> expected() throws Exception {
        List<String> paths = fixture.files().stream()
                .filter(p -> !p.startsWith("/etc/") && Files.exists(fixture.root().resolve(p.substring(1)), LinkOption.NOFOLLOW_LINKS))
                .toList();
        assertTrue(paths.containsAll(List.of("/bin/sh", "/bin/busybox", "/usr/bin/hello", "/lib/libc.musl-x86_64.so.1")), paths.toString());
        return RootListing.of(fixture.root(), paths);
    }
}
