package org.jsupermin.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.jsupermin.testing.DockerEngine;
import org.jsupermin.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first minutes, in a clean Debian container that jsupermin itself made from this
 * host's packages: {@code dpkg -i} of the built .deb, then {@code supermin --version},
 * {@code man supermin} and the installed completion.
 */
class DebInstallDockerIT {

    @TempDir
    Path tmp;

    @Test
    void installTheDebAndUseIt() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target/maven-archiver/pom.properties"))) {
            pom.load(in);
        }
        PackageMetadata meta = PackageMetadata.of(pom.getProperty("version"), "Builds tiny supermin appliances", 1_793_491_200_000L);
        PackagesBuilder.Packages packages = PackagesBuilder.build(Path.of("").toAbsolutePath(), Tools.JAR, meta,
                tmp.resolve("work"), tmp.resolve("debs"));
        Path debDir = packages.deb().getParent();

        Path d = tmp.resolve("clean.d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "dash", "tar", "sed", "grep", "findutils", "diffutils", "libc-bin",
                "dpkg", "openjdk-17-jre-headless", "man-db",
                "-o", d.toString()).orFail("prepare a clean Debian");
        Path image = tmp.resolve("clean.tar");
        Tools.jsupermin("--build", "-f", "tar", d.toString(), "-o", image.toString()).orFail("build the image");

        try (DockerEngine docker = DockerEngine.start()) {
            docker.importTar(image, "jsupermin-clean:1");
            String script = String.join("\n",
                    "set -e",
                    "mkdir -p /var/lib/dpkg/info /var/lib/dpkg/updates /var/lib/dpkg/triggers",
                    "touch /var/lib/dpkg/status /var/lib/dpkg/available",
                    // the image has the packages' files but not the host's dpkg database, hence --force-depends
                    "dpkg -i --force-depends /debs/" + packages.deb().getFileName() + " >/dev/null",
                    "supermin --version",
                    "jsupermin --version",
                    "MANWIDTH=80 man supermin 2>/dev/null | head -20",
                    "test -f /usr/share/bash-completion/completions/supermin && echo completion-installed",
                    "supermin --list-drivers");
            var r = docker.run("run", "--rm", "--network", "none", "-v", debDir + ":/debs:ro", "jsupermin-clean:1",
                    "/bin/bash", "-c", script);
            assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
            String out = r.stdout();
            assertTrue(out.lines().anyMatch(l -> l.startsWith("supermin 5.2.2 (jsupermin ")), out);
            assertTrue(out.contains("SYNOPSIS"), "man page rendered:\n" + out);
            assertTrue(out.contains("completion-installed"), out);
            assertTrue(out.contains("debian/dpkg\tdetected"), out);
        }
    }

}
