package org.jsupermin.packages.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.FileMetadata;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.packages.Provide;
import org.jsupermin.packages.Relation;
import org.junit.jupiter.api.Test;

class RpmHeaderTest {

    private static byte[] hello() {
        return new HeaderBytes()
                .string(RpmTag.NAME, "hello").string(RpmTag.VERSION, "2.0").string(RpmTag.RELEASE, "1")
                .int32(RpmTag.EPOCH, 1).string(RpmTag.ARCH, "x86_64").string(RpmTag.VENDOR, "Example")
                .strings(RpmTag.REQUIRENAME, "rpmlib(CompressedFileNames)", "libgreet", "/bin/sh",
                        "libc.so.6(GLIBC_2.34)(64bit)", "coreutils", "systemd", "config(hello)",
                        "(pam or shadow-utils >= 4)")
                .int32(RpmTag.REQUIREFLAGS, RpmTag.SENSE_RPMLIB | RpmTag.SENSE_LESS | RpmTag.SENSE_EQUAL,
                        RpmTag.SENSE_GREATER | RpmTag.SENSE_EQUAL, 0, 0, RpmTag.SENSE_SCRIPT_PRE,
                        RpmTag.SENSE_SCRIPT_POSTUN, RpmTag.SENSE_CONFIG | RpmTag.SENSE_EQUAL, 0)
                .strings(RpmTag.REQUIREVERSION, "3.0.4-1", "1.0", "", "", "", "", "1:2.0-1", "")
                .strings(RpmTag.PROVIDENAME, "hello", "hello(x86-64)", "greeter")
                .int32(RpmTag.PROVIDEFLAGS, RpmTag.SENSE_EQUAL, RpmTag.SENSE_EQUAL, 0)
                .strings(RpmTag.PROVIDEVERSION, "1:2.0-1", "1:2.0-1", "")
                .strings(RpmTag.DIRNAMES, "/etc/", "/usr/bin/")
                .strings(RpmTag.BASENAMES, "hello.conf", "hello", "hi", "ghost")
                .int32(RpmTag.DIRINDEXES, 0, 1, 1, 1)
                .int16(RpmTag.FILEMODES, 0100644, 0104755, 0120777, 0100644)
                .int32(RpmTag.FILEFLAGS, RpmTag.FILE_CONFIG, 0, 0, RpmTag.FILE_GHOST)
                .int32(RpmTag.FILESIZES, 12, 5000, 5, 0)
                .strings(RpmTag.FILEUSERNAME, "root", "root", "root", "root")
                .strings(RpmTag.FILEGROUPNAME, "root", "nobody-knows", "root", "root")
                .strings(RpmTag.FILELINKTOS, "", "", "hello", "")
                .build();
    }

    @Test
    void readsPackageFromHeader() throws Exception {
        RpmHeader h = RpmHeader.parse(hello(), 0, "test");
        RpmHeaderPackage p = RpmHeaderPackage.of(h, AccountNames.of(Path.of("/nonexistent")), "test");
        assertEquals("hello", p.pkg().name());
        assertEquals("1:2.0-1", p.pkg().version());
        assertEquals("x86_64", p.pkg().arch());
        assertEquals("Example", p.pkg().vendor());
        assertEquals(List.of(
                List.of(new Dependency("libgreet", null, Relation.GE, "1.0")),
                List.of(Dependency.on("/bin/sh")),
                List.of(Dependency.on("libc.so.6(GLIBC_2.34)(64bit)")),
                List.of(Dependency.on("coreutils")),
                List.of(Dependency.on("pam"), new Dependency("shadow-utils", null, Relation.GE, "4"))),
                p.pkg().depends());
        assertEquals(List.of(new Provide("hello(x86-64)", "1:2.0-1"), new Provide("greeter", null)),
                p.pkg().provides());
        assertEquals(List.of(
                new PackageFile("/etc/hello.conf", "/etc/hello.conf", true, new FileMetadata(0100644, 0, 0, null, 12)),
                new PackageFile("/usr/bin/hello", "/usr/bin/hello", false, new FileMetadata(0104755, 0, 0, null, 5000)),
                new PackageFile("/usr/bin/hi", "/usr/bin/hi", false, new FileMetadata(0120777, 0, 0, "hello", 5))),
                p.files());
    }

    @Test
    void missingEpochIsNotShown() throws Exception {
        byte[] blob = new HeaderBytes().string(RpmTag.NAME, "a").string(RpmTag.VERSION, "1")
                .string(RpmTag.RELEASE, "2").build();
        RpmHeaderPackage p = RpmHeaderPackage.of(RpmHeader.parse(blob, 0, "t"), AccountNames.of(Path.of("/x")), "t");
        assertEquals("1-2", p.pkg().version());
        assertNull(RpmHeader.parse(blob, 0, "t").string(RpmTag.VENDOR));
    }

    @Test
    void truncatedHeaderNamesWhere() {
        byte[] blob = hello();
        byte[] cut = Arrays.copyOf(blob, blob.length - 10);
        PackageDatabaseException e = assertThrows(PackageDatabaseException.class,
                () -> RpmHeader.parse(cut, 0, "/r/var/lib/rpm/rpmdb.sqlite: package 3"));
        assertTrue(e.getMessage().startsWith("/r/var/lib/rpm/rpmdb.sqlite: package 3: truncated rpm header"),
                e.getMessage());
        assertThrows(PackageDatabaseException.class, () -> RpmHeader.parse(new byte[5], 0, "x"));
        assertThrows(PackageDatabaseException.class, () -> RpmHeader.parse(new byte[16], 0, "x"));
    }

    @Test
    void richDependencies() {
        assertEquals(List.of(List.of(Dependency.on("a")), List.of(Dependency.on("perl(Foo::Bar)"))),
                RichDependency.parse("(a and perl(Foo::Bar))"));
        assertEquals(List.of(), RichDependency.parse("(a-langpack if a)"));
        assertEquals(List.of(List.of(Dependency.on("a"), Dependency.on("c"))), RichDependency.parse("(a if b else c)"));
        assertEquals(List.of(List.of(Dependency.on("a"), Dependency.on("b"), Dependency.on("c"))),
                RichDependency.parse("(a or (b or c))"));
        assertThrows(IllegalArgumentException.class, () -> RichDependency.parse("(a or b and c)"));
    }

    @Test
    void deeplyNestedRichDependencyIsAnErrorNotAStackOverflow() {
        String deep = "(".repeat(200_000) + "a" + ")".repeat(200_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RichDependency.parse(deep));
        assertTrue(e.getMessage().contains("nested more than"), e.getMessage());
        String fine = "(".repeat(50) + "a" + ")".repeat(50);
        assertEquals(List.of(List.of(Dependency.on("a"))), RichDependency.parse(fine));
    }
}
