package org.jsupermin.packages.rpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jsupermin.packages.ConfigFile;
import org.jsupermin.packages.ConfigFileOptions;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RpmPackageFileTest {

    @TempDir
    static Path tmp;
    static Path rpms;

    @BeforeAll
    static void build() throws Exception {
        rpms = RpmFixtures.build(tmp.resolve("build"));
    }

    private static RpmHeaderPackage hello() throws Exception {
        Path f = rpms.resolve("hello-2.0-1.x86_64.rpm");
        return RpmHeaderPackage.of(RpmPackageFile.header(f), AccountNames.of(tmp), f.toString());
    }

    @Test
    void readsHeaderOfPackageFile() throws Exception {
        RpmHeaderPackage p = hello();
        assertEquals("hello", p.pkg().name());
        assertEquals("1:2.0-1", p.pkg().version());
        assertEquals("jsupermin tests", p.pkg().vendor());
        assertEquals(List.of("/etc/hello.conf", "/usr/bin/hello", "/usr/bin/hello-suid", "/usr/bin/hi",
                "/usr/share/hello", "/usr/share/hello/data"), p.files().stream().map(PackageFile::path).sorted().toList());
    }

    @Test
    void readsPristineConfigFromPayload() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root/etc"));
        Files.writeString(root.resolve("hello.conf"), "changed\n");
        RpmHeaderPackage p = hello();
        List<ConfigFile> c = new RpmConfigFiles(tmp.resolve("root")).read(Map.of(p.pkg(), p.files()),
                new ConfigFileOptions(false, rpms, false, null));
        assertEquals(1, c.size());
        assertArrayEquals(RpmFixtures.HELLO_CONF.getBytes(StandardCharsets.UTF_8), c.get(0).content());
        assertEquals("hello", c.get(0).packageName());
    }

    @Test
    void truncatedPayloadNamesPackageFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("truncated"));
        byte[] whole = Files.readAllBytes(rpms.resolve("hello-2.0-1.x86_64.rpm"));
        Path cut = dir.resolve("hello-2.0-1.x86_64.rpm");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 120));
        Path root = Files.createDirectories(tmp.resolve("root2/etc"));
        Files.writeString(root.resolve("hello.conf"), "x\n");
        RpmHeaderPackage p = hello();
        InstalledPackage pkg = p.pkg();
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class,
                () -> new RpmConfigFiles(tmp.resolve("root2")).read(Map.of(pkg, p.files()),
                        new ConfigFileOptions(false, dir, false, null)));
        assertTrue(e.getMessage().startsWith("reading " + cut), e.getMessage());
    }

    @Test
    void truncatedHeaderInPackageFile() throws Exception {
        byte[] whole = Files.readAllBytes(rpms.resolve("libgreet-1.5-3.x86_64.rpm"));
        Path cut = tmp.resolve("cut.rpm");
        Files.write(cut, Arrays.copyOf(whole, 400));
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class, () -> RpmPackageFile.header(cut));
        assertTrue(e.getMessage().startsWith("reading " + cut + ": truncated"), e.getMessage());
    }
}
