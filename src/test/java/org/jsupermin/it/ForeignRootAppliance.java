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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --root} over a materialised copy of a fixture root of another distribution: closure,
 * pristine /etc files, chroot and tar. Each subclass names its fixture and what it must hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ForeignRootAppliance {

    FixtureRoots.Fixture fixture;
    RootAppliance appliance;
    Path prepared;

    /** The fixture root, materialised under {@code dir}. */
    abstract FixtureRoots.Fixture fixture(Path dir) throws Exception;

    /** The expected /packagelist. */
    abstract String packagelist();

    /** A second pristine config file the base image must hold, and its content. */
    abstract Map.Entry<String, String> otherConfigFile();

    /** Where the packaged program is, in the appliance. */
    abstract String helloPath();

    /** Paths the closure must bring in. */
    abstract List<String> requiredPaths();

    @BeforeAll
    void prepare(@TempDir Path tmp) throws Exception {
        fixture = fixture(tmp.resolve("fixture"));
        appliance = new RootAppliance(fixture.root(), tmp);
        prepared = appliance.prepare("hello", fixture.packages(), "hello");
    }

    @Test
    void packagesFileClosureAndPristineConfigFiles() throws Exception {
        assertEquals("hello\n", Files.readString(prepared.resolve("packages")));
        Map<String, RawTarReader.Member> base = RootAppliance.baseImage(prepared);
        assertEquals(FixtureRoots.HELLO_CONF, new String(base.get("/etc/hello.conf").content(), StandardCharsets.UTF_8));
        assertEquals(0640, base.get("/etc/hello.conf").mode() & 07777);
        Map.Entry<String, String> other = otherConfigFile();
        assertEquals(other.getValue(), new String(base.get(other.getKey()).content(), StandardCharsets.UTF_8));
        Path out = appliance.build(prepared, "chroot", "listed");
        assertEquals(packagelist(), Files.readString(out.resolve("packagelist")));
    }

    @Test
    void chrootAndTarHoldTheInstalledFiles() throws Exception {
        Map<String, String> expected = expected();
        Path chroot = appliance.build(prepared, "chroot", "chroot");
        assertEquals(expected, RootListing.of(chroot, expected.keySet()));
        assertEquals(FixtureRoots.HELLO_CONF, Files.readString(chroot.resolve("etc/hello.conf")));
        assertEquals(FixtureRoots.HELLO_OUTPUT + "\n",
                Tools.run("chroot", chroot.toString(), helloPath()).orFail("chroot hello").stdout());
        Path tar = appliance.build(prepared, "tar", "root.tar");
        assertEquals(expected, RootListing.of(RootAppliance.tar(tar), expected.keySet()));
    }

    /** The closure's listed paths present on the root, as the root has them (config files: pristine). */
    private Map<String, String> expected() throws Exception {
        List<String> paths = fixture.files().stream()
                .filter(p -> !p.startsWith("/etc/") && Files.exists(fixture.root().resolve(p.substring(1)), LinkOption.NOFOLLOW_LINKS))
                .toList();
        assertTrue(paths.containsAll(requiredPaths()), paths.toString());
        return RootListing.of(fixture.root(), paths);
    }
}
