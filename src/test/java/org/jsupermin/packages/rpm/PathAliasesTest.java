package org.jsupermin.packages.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canonical paths through packaged and on-disk directory symlinks. */
class PathAliasesTest {

    @TempDir
    Path root;

    @Test
    void followsPackagedDirectoryLinks() {
        PathAliases a = new PathAliases(Map.of("/bin", "usr/bin", "/lib64", "/usr/lib64", "/usr/sbin", "bin",
                "/opt/x", "../srv/y"), root);
        assertEquals("/usr/bin/sh", a.canonical("/bin/sh"));
        assertEquals("/usr/lib64/ld.so", a.canonical("/lib64/ld.so"));
        assertEquals("/usr/bin/ip", a.canonical("/usr/sbin/ip"));
        assertEquals("/srv/y/z", a.canonical("/opt/x/z"));
        assertEquals("/bin", a.canonical("/bin"), "the last component is kept");
        assertEquals("/usr/bin/sh", a.canonical("/usr/bin/sh"));
        assertEquals("/sh", a.canonical("/sh"));
    }

    @Test
    void followsLinksOnTheRootAndStopsOnLoops() throws Exception {
        Files.createSymbolicLink(root.resolve("sbin"), Path.of("usr/sbin"));
        Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("a"));
        PathAliases a = new PathAliases(Map.of(), root);
        assertEquals("/usr/sbin/init", a.canonical("/sbin/init"));
        assertEquals("/a/x", a.canonical("/a/x"));
    }
}
