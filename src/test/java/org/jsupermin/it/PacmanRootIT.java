package org.jsupermin.it;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsupermin.testing.FixtureRoots;

/** {@code --root} over a materialised copy of the pacman fixture root: closure, pristine backup files, chroot and tar. */
class PacmanRootIT extends ForeignRootAppliance {

    static final String PACKAGELIST = """
            bash_5.2.026-2_x86_64
            filesystem_2024.04.07-1_any
            glibc_2.39-1_x86_64
            hello_1:2.0-1_x86_64
            """;

    @Override
    FixtureRoots.Fixture fixture(Path dir) throws Exception {
        return FixtureRoots.pacman(dir);
    }

    @Override
    String packagelist() {
        return PACKAGELIST;
    }

    @Override
    Map.Entry<String, String> otherConfigFile() {
        return Map.entry("/etc/bash.bashrc", "# pristine bash.bashrc\n");
    }

    @Override
    String helloPath() {
        return "/bin/hello";
    }

    @Override
    List<String> requiredPaths() {
        return List.of("/bin", "/usr/bin/bash", "/usr/bin/hello", "/usr/lib/libc.so.6");
    }
}
