package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --if-newer} on this host: once nothing it watches has moved, a run finds the output up
 * to date without opening the package database; a moved file sends the decision back to the
 * digest, which keeps an output whose inputs only moved and rebuilds one whose inputs changed.
 */
class IfNewerWatchIT {

    private static final String UP_TO_DATE = "supermin: if-newer: output does not need rebuilding";

    @TempDir
    Path tmp;

    private Result ifNewer(Path d, Path out, Map<String, String> env) {
        return Tools.jsupermin(env, "--build", "-v", "--if-newer", "-f", "chroot", d.toString(), "-o", out.toString())
                .orFail("build --if-newer");
    }

    @Test
    void aNoOpReadsNothingAndAMoveFallsBackToTheDigest() throws Exception {
        Path d = tmp.resolve("supermin.d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "-o", d.toString()).orFail("prepare");
        Path out = tmp.resolve("appliance");
        assertFalse(ifNewer(d, out, Map.of()).stdout().contains(UP_TO_DATE), "first build");
        // files changed within a second of a build's start are not trusted: let them settle
        Thread.sleep(1200);
        assertTrue(ifNewer(d, out, Map.of()).stdout().contains(UP_TO_DATE), "decided by the digest");
        String stamp = Files.readString(tmp.resolve(".appliance.jsupermin-stamp"));
        for (String watched : new String[] {"watch " + d.resolve("packages") + " ", "watch " + d.resolve("base.tar.gz") + " ",
                "watch /var/lib/dpkg/status "}) {
            assertTrue(stamp.contains(watched), watched + " in\n" + stamp);
        }

        Path classes = tmp.resolve("classes.log");
        Result fast = ifNewer(d, out, Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes));
        assertTrue(fast.stdout().contains(UP_TO_DATE), fast.stdout());
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains("org.jsupermin.build.BuildStamp "), "the check ran");
        assertFalse(loaded.contains("org.jsupermin.packages.dpkg.DpkgStatus "), "the package database was not read");
        assertFalse(loaded.contains("org.jsupermin.resolve.Resolver "), "nothing was resolved");

        // the same content in a new file: moved, so the digest decides, and keeps the output
        rewrite(d.resolve("packages"), Files.readString(d.resolve("packages")));
        assertTrue(ifNewer(d, out, Map.of()).stdout().contains(UP_TO_DATE), "same content");
        // another package list of the same size: rebuilt
        String packages = Files.readString(d.resolve("packages"));
        assertTrue(packages.equals("bash\n"), packages);
        rewrite(d.resolve("packages"), "dash\n");
        Result changed = ifNewer(d, out, Map.of());
        assertTrue(changed.stdout().contains("if-newer: rebuilding because"), changed.stdout());
        assertTrue(Files.exists(out.resolve("usr/bin/dash")), "rebuilt with dash");
        // an option the watch does not cover on its own: rebuilt
        Result epoch = ifNewer(d, out, Map.of("SOURCE_DATE_EPOCH", "1700000000"));
        assertTrue(epoch.stdout().contains("if-newer: rebuilding because"), epoch.stdout());
    }

    private static void rewrite(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(tmp, content);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
