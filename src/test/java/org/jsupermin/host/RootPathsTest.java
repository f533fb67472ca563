package org.jsupermin.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canonical appliance paths through a root's directory symlinks, asked in any order. */
class RootPathsTest {

    @TempDir
    Path root;

    private void layout() throws Exception {
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createDirectories(root.resolve("usr/lib/x86_64-linux-gnu"));
        Files.createDirectories(root.resolve("var/run-dir"));
        Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
        Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
        Files.createSymbolicLink(root.resolve("top"), Path.of("/"));
        Files.createSymbolicLink(root.resolve("abs"), Path.of("/usr/lib"));
        Files.createSymbolicLink(root.resolve("usr/lib/up"), Path.of("../bin"));
        Files.createSymbolicLink(root.resolve("var/run"), Path.of("run-dir"));
        Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));
    }

    @Test
    void resolvesDirectorySymlinksInsideTheRoot() throws Exception {
        layout();
        RootPaths paths = new RootPaths(root);
        assertEquals("/usr/bin/bash", paths.canonical("/bin/bash"));
        assertEquals("/usr/lib/x86_64-linux-gnu/libc.so.6", paths.canonical("/lib/x86_64-linux-gnu/libc.so.6"));
        assertEquals("/etc", paths.canonical("/top/etc"));
        assertEquals("/usr/lib/a", paths.canonical("/abs/a"));
        assertEquals("/usr/bin/ls", paths.canonical("/usr/lib/up/ls"));
        assertEquals("/var/run-dir/pid", paths.canonical("/var/run/pid"));
        assertEquals("/bin", paths.canonical("/bin"), "the last component is kept");
        assertNull(paths.canonical("/loop/x"));
    }

    @Test
    void pathsAskedOneAfterAnotherResolveAsEachAlone() throws Exception {
        layout();
        String[] dirs = {"/bin", "/lib", "/top", "/abs", "/usr/lib/up", "/var/run", "/usr/bin", "/usr/lib",
            "/usr/lib/x86_64-linux-gnu", "/etc", "/top/usr/bin", "/loop", "/", "/bin/../lib"};
        Random random = new Random(5);
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String dir = dirs[random.nextInt(dirs.length)];
            // runs of files in one directory, as a package lists them
            for (int k = random.nextInt(4); k >= 0; k--) {
                asked.add((dir.equals("/") ? "" : dir) + "/f" + random.nextInt(5));
            }
        }
        RootPaths shared = new RootPaths(root);
        for (String p : asked) {
            assertEquals(new RootPaths(root).canonical(p), shared.canonical(p), p);
        }
    }
}
