package org.jsupermin.it;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsupermin.testing.FixtureRoots;

/** {@code --root} over a materialised copy of the apk fixture root: closure, pristine /etc files, chroot and tar. */
class ApkRootIT extends ForeignRootAppliance {

    static final String PACKAGELIST = """
            busybox_1.36.1-r29_x86_64
            hello_2.0_rc1-r3_x86_64
            musl_1.2.5-r0_x86_64
            """;

    @Override
    FixtureRoots.Fixture fixture(Path dir) throws Exception {
        return FixtureRoots.apk(dir);
    }

    @Override
    String packagelist() {
        return PACKAGELIST;
    }

    @Override
    Map.Entry<String, String> otherConfigFile() {
        return Map.entry("/etc/securetty", "console\n");
    }

    @Override
    String helloPath() {
        return "/usr/bin/hello";
    }

    @Override
    List<String> requiredPaths() {
        return List.of("/bin/sh", "/bin/busybox", "/usr/bin/hello", "/lib/libc.musl-x86_64.so.1");
    }
}
