package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/supermin} on the two JDKs it must run on, Debian's JDK 17 and Temurin's JDK 25: the
 * README's main command (prepare bash and coreutils, build a chroot, run bash in it) on the first
 * run, which makes the class-data-sharing archive, on the second, which maps it, and with the
 * other JDK's archive in its place, which the JVM cannot use: the command then runs as with plain
 * {@code java}, with nothing on standard error. Also: a JVM that cannot make an archive is asked
 * once, and the command-line spellings the launcher looks at run under /bin/sh.
 */
class LauncherJdksIT {

    /** Debian's name for this machine's architecture, as the JDKs' directories spell it. */
    private static final String ARCH = "aarch64".equals(System.getProperty("os.arch")) ? "arm64" : "amd64";
    private static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-" + ARCH);
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-" + ARCH);
    private static final String FROM_ARCHIVE = "org.jsupermin.cli.Main source: shared objects file (top)";

    @TempDir
    Path tmp;

    @Test
    void theReadmesMainCommandRunsOnJdk17AndJdk25WithTheirOwnArchiveAndTheOthers() throws IOException {
        Tools.requireTool("JDK 17", JDK17.resolve("bin/java").toString(), "apt-get install openjdk-17-jdk-headless");
        Tools.requireTool("Temurin JDK 25", JDK25.resolve("bin/java").toString(),
                "bash .ci/install-temurin-25");
        Path cache = Files.createDirectories(tmp.resolve("cache"));

        assertTrue(mainCommand(JDK17, cache, "17-first").contains(FROM_ARCHIVE),
                "the build after the prepare maps the archive the prepare made");
        Path archive17 = onlyNewArchive(cache, Set.of());
        assertTrue(mainCommand(JDK17, cache, "17-second").contains(FROM_ARCHIVE), "the second run maps it");

        assertTrue(mainCommand(JDK25, cache, "25-first").contains(FROM_ARCHIVE), "JDK 25 makes its own archive");
        Path archive25 = onlyNewArchive(cache, Set.of(archive17));
        assertTrue(mainCommand(JDK25, cache, "25-second").contains(FROM_ARCHIVE), "and maps it");

        // each JDK finds the other's archive under its own name: the JVM refuses it, the launcher runs on
        Path saved17 = Files.copy(archive17, tmp.resolve("saved17.jsa"));
        replace(archive25, archive17);
        assertFalse(mainCommand(JDK17, cache, "17-other").contains(FROM_ARCHIVE), "JDK 17 cannot map JDK 25's archive");
        replace(saved17, archive25);
        assertFalse(mainCommand(JDK25, cache, "25-other").contains(FROM_ARCHIVE), "JDK 25 cannot map JDK 17's archive");

        // an archive that is no archive at all (a damaged cache) is refused as quietly
        Files.writeString(archive25, "not an archive\n");
        assertFalse(mainCommand(JDK25, cache, "25-damaged").contains(FROM_ARCHIVE));
    }

    @Test
    void aJvmThatCannotMakeAnArchiveRunsPlainAndIsNotAskedAgain() throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Path attempts = tmp.resolve("attempts");
        Path java = tmp.resolve("java");
        // a JVM whose archive dumps fail, as when a JDK ships without a base archive
        Files.writeString(java, "#!/bin/sh\n"
                + "case \"$*\" in *ArchiveClassesAtExit*) echo x >> '" + attempts + "'; exit 1 ;; esac\n"
                + "exec '" + JDK17.resolve("bin/java") + "' \"$@\"\n");
        assertTrue(java.toFile().setExecutable(true));
        Map<String, String> env = Map.of("JAVA", java.toString(), "JSUPERMIN_CACHE_DIR", cache.toString(),
                "JSUPERMIN_CDS", "1", "JAVA_OPTS", "");
        for (int run = 0; run < 2; run++) {
            Result r = Tools.run(List.of(Tools.LAUNCHER.toString(), "--version"), env).orFail("bin/supermin --version");
            assertTrue(r.stdout().startsWith("supermin "), r.stdout());
            assertEquals("", r.stderr());
        }
        assertEquals(List.of("x"), Files.readAllLines(attempts), "one attempt to make an archive, not one per start");
    }

    @Test
    void anImageBuildsWithTheLaunchersCompilerOptionsOnBothJdksToOneDigest() throws IOException {
        // -f oci runs with compiler options of its own (bin/supermin): both JVMs must accept them
        // and give the same bytes
        Tools.requireTool("JDK 17", JDK17.resolve("bin/java").toString(), "apt-get install openjdk-17-jdk-headless");
        Tools.requireTool("Temurin JDK 25", JDK25.resolve("bin/java").toString(),
                "bash .ci/install-temurin-25");
        Path appliance = tmp.resolve("supermin.d");
        Tools.run(List.of(Tools.LAUNCHER.toString(), "--prepare", "--use-installed", "bash", "-o", appliance.toString()),
                Map.of("JSUPERMIN_CACHE_DIR", tmp.resolve("cache").toString())).orFail("bin/supermin --prepare");
        List<byte[]> images = new java.util.ArrayList<>();
        for (Path jdk : List.of(JDK17, JDK25)) {
            Path image = tmp.resolve(jdk.getFileName() + ".tar");
            Result r = Tools.run(List.of(Tools.LAUNCHER.toString(), "--build", "-f", "oci", "--no-cache",
                    appliance.toString(), "-o", image.toString()), Map.of(
                    "JAVA", jdk.resolve("bin/java").toString(),
                    "JSUPERMIN_CACHE_DIR", tmp.resolve("cache-" + jdk.getFileName()).toString(),
                    "SOURCE_DATE_EPOCH", "1700000000",
                    "JAVA_OPTS", "")).orFail("bin/supermin --build -f oci with " + jdk);
            for (String line : r.stderr().lines().toList()) {
                assertTrue(line.startsWith("supermin: warning: "), jdk + ": only the tool's warnings, not the JVM's: "
                        + r.stderr());
            }
            images.add(Files.readAllBytes(image));
        }
        assertTrue(java.util.Arrays.equals(images.get(0), images.get(1)), "one image from both JDKs");
    }

    @Test
    void everyFormatSpellingTheLauncherLooksAtReachesTheProgram() {
        // the launcher picks JVM options from the command line; /bin/sh (dash) must run that choice
        for (List<String> format : List.of(List.of("-f", "oci"), List.of("--format", "oci"), List.of("--format=oci"),
                List.of("-foci"), List.of("-f", "tar"))) {
            List<String> cmd = new java.util.ArrayList<>(List.of(Tools.LAUNCHER.toString(), "--build"));
            cmd.addAll(format);
            cmd.addAll(List.of(tmp.resolve("no-such-input").toString(), "-o", tmp.resolve("out").toString()));
            Result r = Tools.run(cmd, Map.of("JSUPERMIN_CACHE_DIR", tmp.resolve("cache").toString()));
            assertTrue(r.exit() == 1 || r.exit() == 2, format + ": exit " + r.exit() + "\n" + r.stderr());
            assertTrue(r.stderr().startsWith("supermin: "), format + ": the program's own message, not the shell's: "
                    + r.stderr());
        }
    }

    /**
     * Runs the README's main command with this JDK as JAVA_HOME and first on the PATH, into fresh
     * directories; returns the class-loading log of its last JVM.
     */
    private String mainCommand(Path jdk, Path cache, String name) throws IOException {
        Path work = Files.createDirectories(tmp.resolve(name));
        Path classLog = work.resolve("class-load.log");
        String command = readmeMainCommand()
                .replace("/tmp/supermin.d", work.resolve("supermin.d").toString())
                .replace("/tmp/appliance", work.resolve("appliance").toString());
        Result r = Tools.run(List.of("bash", "-c", command), Map.of(
                "JAVA_HOME", jdk.toString(),
                "JAVA", "",
                "PATH", jdk.resolve("bin") + ":" + System.getenv("PATH"),
                "JSUPERMIN_CACHE_DIR", cache.toString(),
                "JSUPERMIN_CDS", "1",
                "JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));
        r.orFail("the README's main command with " + jdk + " (" + name + ")");
        assertEquals("hello from the appliance\n", r.stdout(), name);
        assertEquals("", r.stderr(), name + ": nothing on standard error, whatever the archive");
        String log = Files.readString(classLog);
        assertTrue(log.contains("org.jsupermin.cli.Main source:"), name + ": the log names where Main came from");
        return log;
    }

    /** The one-line main command of the README's "Run the main job". */
    private static String readmeMainCommand() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int heading = -1;
        for (int i = 0; i < lines.size() && heading < 0; i++) {
            if (lines.get(i).startsWith("**Run the main job**")) {
                heading = i;
            }
        }
        assertTrue(heading >= 0, "README.md has a **Run the main job** paragraph");
        for (int i = heading + 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("bin/supermin --prepare")) {
                String command = lines.get(i);
                assertTrue(command.contains("/tmp/supermin.d") && command.contains("/tmp/appliance"), command);
                return command;
            }
        }
        throw new AssertionError("no bin/supermin command after README.md's **Run the main job**");
    }

    private static Path onlyNewArchive(Path cache, Set<Path> known) throws IOException {
        Set<Path> found = new TreeSet<>();
        try (Stream<Path> files = Files.list(cache)) {
            files.filter(p -> p.getFileName().toString().endsWith(".jsa")).filter(p -> !known.contains(p))
                    .forEach(found::add);
        }
        assertEquals(1, found.size(), "one new archive in " + cache + ": " + found);
        return found.iterator().next();
    }

    private static void replace(Path source, Path target) throws IOException {
        target.toFile().setWritable(true);
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
