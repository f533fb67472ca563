package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.jsupermin.testing.Commands;
import org.jsupermin.testing.DockerEngine;
import org.jsupermin.testing.FixtureRoots;
import org.jsupermin.testing.RootAppliance;
import org.jsupermin.testing.RpmRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tar base images built with {@code --root} from an rpm, a pacman and an apk root, imported into
 * a private Docker engine: each root's static {@code /usr/bin/hello} runs in a container.
 */
class CrossRootDockerIT {

    @TempDir
    static Path tmp;
    private static DockerEngine docker;

    @BeforeAll
    static void startDocker() throws Exception {
        docker = DockerEngine.start();
    }

    @AfterAll
    static void stopDocker() {
        if (docker != null) {
            docker.close();
        }
    }

    private static void runsInDocker(Path root, Path packagesFrom, String name, String output) {
        RootAppliance appliance = new RootAppliance(root, tmp);
        Path d = appliance.prepare(name, packagesFrom, "hello");
        Path tar = appliance.build(d, "tar", name + ".tar");
        String image = "jsupermin-root-" + name + ":1";
        docker.importTar(tar, image);
        try {
            for (String program : new String[] {"/usr/bin/hello", "hello"}) {
                Commands.Result r = docker.run("run", "--rm", "--network", "none", "--env", "PATH=/usr/bin:/bin",
                        image, program).orFail();
                assertEquals(output + "\n", r.stdout(), name + " " + program);
            }
        } finally {
            docker.run("rmi", image).orFail();
        }
    }

    @Test
    void rpmRoot() throws Exception {
        RpmRoot.Fixture f = RpmRoot.create(tmp.resolve("rpm"));
        runsInDocker(f.root(), f.rpms(), "rpm", RpmRoot.HELLO_OUTPUT);
    }

    @Test
    void pacmanRoot() throws Exception {
        FixtureRoots.Fixture f = FixtureRoots.pacman(tmp.resolve("pacman"));
        runsInDocker(f.root(), f.packages(), "pacman", FixtureRoots.HELLO_OUTPUT);
    }

    @Test
    void apkRoot() throws Exception {
        FixtureRoots.Fixture f = FixtureRoots.apk(tmp.resolve("apk"));
        runsInDocker(f.root(), f.packages(), "apk", FixtureRoots.HELLO_OUTPUT);
    }
}
