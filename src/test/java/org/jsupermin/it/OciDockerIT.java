package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsupermin.testing.Commands;
import org.jsupermin.testing.DockerEngine;
import org.jsupermin.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -f oci -o FILE.tar} loaded into the tests' private Docker engine (20.10): run with the
 * image's own command, and used as the base of a Dockerfile with every keyword a base image meets.
 */
class OciDockerIT {

    private static final String TAG = "jsupermin-oci/base:1";

    @TempDir
    static Path tmp;
    private static DockerEngine docker;
    private static Path image;

    @BeforeAll
    static void buildAndLoad() throws Exception {
        docker = DockerEngine.start();
        Path d = tmp.resolve("base.d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "dash", "base-passwd", "-o", d.toString())
                .orFail("prepare");
        image = tmp.resolve("base.tar");
        Tools.jsupermin("--build", "-f", "oci", d.toString(), "-o", image.toString(), "--tag", TAG, "--layers", "3",
                "--cmd", "[\"/bin/bash\", \"-c\", \"echo from the image command; id -un\"]",
                "--label", "org.opencontainers.image.title=jsupermin base", "--stop-signal", "SIGINT")
                .orFail("build");
        assertTrue(docker.run("load", "-i", image.toString()).orFail().stdout().contains(TAG));
    }

    @AfterAll
    static void stopDocker() {
        if (docker != null) {
            docker.close();
        }
    }

    @Test
    void runWithoutACommandRunsTheImagesCommand() {
        Commands.Result r = docker.run("run", "--rm", "--network", "none", TAG).orFail();
        assertEquals("from the image command\nroot\n", r.stdout());
        String config = docker.run("image", "inspect", "--format",
                "{{json .Config.Labels}} {{.Config.StopSignal}} {{json .Config.Env}} {{.Architecture}}", TAG)
                .orFail().stdout().strip();
        assertEquals("{\"org.opencontainers.image.title\":\"jsupermin base\"} SIGINT "
                + "[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"] amd64", config);
    }

    @Test
    void aDockerfileBuildsFromTheImageWithEveryKeyword() throws Exception {
        Path context = Files.createDirectories(tmp.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), String.join("\n",
                "FROM " + TAG,
                "ENV APP_HOME=/srv/app GREETING=hello",
                "RUN mkdir -p $APP_HOME && echo \"$GREETING from RUN\" > $APP_HOME/motd",
                "WORKDIR $APP_HOME",
                "VOLUME /data",
                "EXPOSE 8080/tcp",
                "ENTRYPOINT [\"/bin/sh\", \"-c\", \"cat motd; pwd; echo $GREETING $0 $1\"]",
                "CMD [\"first\", \"second\"]",
                ""));
        Commands.Result built = Commands.run(List.of("docker", "build", "--network", "none", "-t", "jsupermin-oci/app:1",
                context.toString()), null, java.util.Map.of("DOCKER_HOST", docker.host(), "DOCKER_BUILDKIT", "0"), 600);
        built.orFail();
        Commands.Result r = docker.run("run", "--rm", "--network", "none", "jsupermin-oci/app:1").orFail();
        assertEquals("hello from RUN\n/srv/app\nhello first second\n", r.stdout());
        String config = docker.run("image", "inspect", "--format", "{{json .Config.ExposedPorts}} {{json .Config.Volumes}}",
                "jsupermin-oci/app:1").orFail().stdout().strip();
        assertEquals("{\"8080/tcp\":{}} {\"/data\":{}}", config);
    }
}
