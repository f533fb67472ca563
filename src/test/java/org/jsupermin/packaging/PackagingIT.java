package org.jsupermin.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb and .rpm of jsupermin, checked with dpkg-deb, dpkg and rpm: metadata, file list, modes,
 * relative links, a working program after installing the .deb into a throwaway root (never the
 * host's package database), and identical bytes when built twice.
 */
class PackagingIT {

    private static final Path JAR = Path.of("target/jsupermin.jar").toAbsolutePath();

    @TempDir
    static Path work;

    static String version;
    static PackagesBuilder.Packages packages;

    @BeforeAll
    static void build() throws IOException {
        Properties pom = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target/maven-archiver/pom.properties"))) {
            pom.load(in);
        }
        version = pom.getProperty("version");
        packages = buildInto(work.resolve("first"));
    }

    private static PackagesBuilder.Packages buildInto(Path dir) throws IOException {
        PackageMetadata meta = PackageMetadata.of(version, "Builds tiny supermin appliances", 1_793_491_200_000L);
        return PackagesBuilder.build(Path.of("").toAbsolutePath(), JAR, meta, dir.resolve("work"), dir.resolve("out"));
    }

    @Test
    void debMetadata() throws Exception {
        String info = Shell.run("dpkg-deb", "-I", packages.deb().toString()).ok("dpkg-deb -I").out();
        for (String field : List.of("Package: jsupermin", "Version: " + version.replace('-', '~'), "Architecture: all",
                "Maintainer: jsupermin developers",
                "Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless",
                "Conflicts: supermin", "Replaces: supermin", "Provides: supermin (= 5.2.2)", "postinst", "postrm")) {
            assertTrue(info.contains(field), field + " in\n" + info);
        }
    }

    @Test
    void debFileListModesAndRelativeLinks() throws Exception {
        String list = Shell.run("dpkg-deb", "-c", packages.deb().toString()).ok("dpkg-deb -c").out();
        for (String expected : List.of(
                "-rwxr-xr-x root/root .* ./usr/share/jsupermin/bin/supermin\n",
                "-rw-r--r-- root/root .* ./usr/share/jsupermin/jsupermin.jar\n",
                "-rw-r--r-- root/root .* ./usr/share/jsupermin/lib/commons-compress-[0-9.]+\\.jar\n",
                "lrwxrwxrwx root/root .* ./usr/bin/supermin -> \\.\\./share/jsupermin/bin/supermin\n",
                "lrwxrwxrwx root/root .* ./usr/bin/jsupermin -> \\.\\./share/jsupermin/bin/supermin\n",
                "-rw-r--r-- root/root .* ./usr/share/man/man1/supermin\\.1\\.gz\n",
                "lrwxrwxrwx root/root .* ./usr/share/man/man1/jsupermin\\.1\\.gz -> supermin\\.1\\.gz\n",
                "-rw-r--r-- root/root .* ./usr/share/bash-completion/completions/supermin\n",
                "lrwxrwxrwx root/root .* ./usr/share/bash-completion/completions/jsupermin -> supermin\n",
                "-rw-r--r-- root/root .* ./usr/share/zsh/vendor-completions/_supermin\n")) {
            assertTrue(java.util.regex.Pattern.compile(expected).matcher(list).find(), expected + " in\n" + list);
        }
        assertTrue(list.lines().allMatch(l -> l.contains(" 2026-11-01 00:00 ")), "fixed mtimes:\n" + list);
        assertTrue(list.lines().filter(l -> l.contains(" -> ")).noneMatch(l -> l.contains(" -> /")), "relative links");
    }

    @Test
    void debInstalledIntoAThrowawayRootRuns() throws Exception {
        Path root = work.resolve("root");
        Path dpkgDir = Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.createDirectories(dpkgDir.resolve("info"));
        Files.createDirectories(dpkgDir.resolve("updates"));
        Files.createFile(dpkgDir.resolve("status"));
        Shell.run(null, Map.of(), List.of("dpkg", "--root=" + root, "--force-not-root", "--force-depends",
                "--force-script-chrootless", "--log=/dev/null", "-i", packages.deb().toString())).ok("dpkg --root -i");
        Path cache = work.resolve("cache");
        Shell run = Shell.run(null, Map.of("JSUPERMIN_CACHE_DIR", cache.toString()),
                List.of(root.resolve("usr/bin/supermin").toString(), "--version")).ok("installed supermin --version");
        assertTrue(run.out().startsWith("supermin "), run.out());
        assertEquals("", run.err());
        try (Stream<Path> archives = Files.list(cache)) {
            assertTrue(archives.anyMatch(p -> p.getFileName().toString().matches("jsupermin-.*\\.jsa")),
                    "the launcher made a class-data-sharing archive in " + cache);
        }
        Path classPath;
        try (Stream<Path> files = Files.list(cache)) {
            classPath = files.filter(p -> p.getFileName().toString().matches("jsupermin-.*\\.classpath")).findFirst()
                    .orElseThrow(() -> new AssertionError("the launcher wrote the class path beside the archive"));
        }
        String home = root.resolve("usr/share/jsupermin").toRealPath().toString();
        String cp = Files.readString(classPath).strip();
        assertTrue(cp.startsWith(home + "/jsupermin.jar:" + home + "/lib/commons-compress-"), cp);
        Shell again = Shell.run(null, Map.of("JSUPERMIN_CACHE_DIR", cache.toString()),
                List.of(root.resolve("usr/bin/jsupermin").toString(), "--version")).ok("jsupermin --version");
        assertEquals(run.out(), again.out());
        String status = Files.readString(dpkgDir.resolve("status"));
        assertTrue(status.contains("Package: jsupermin") && status.contains("Status: install ok installed"), status);
    }

    @Test
    void rpmMetadata() throws Exception {
        String rpm = packages.rpm().toString();
        String info = Shell.run("rpm", "-qip", rpm).ok("rpm -qip").out();
        assertTrue(info.matches("(?s).*Name\\s*: jsupermin\n.*"), info);
        assertTrue(info.matches("(?s).*Version\\s*: " + java.util.regex.Pattern.quote(version.replace('-', '~')) + "\n.*"), info);
        assertTrue(info.matches("(?s).*Architecture: noarch\n.*"), info);
        assertTrue(info.matches("(?s).*Packager\\s*: jsupermin developers\n.*"), info);
        assertEquals(List.of("java-headless >= 1:17"), Shell.run("rpm", "-qp", "--requires", rpm).ok("requires").out()
                .lines().filter(l -> !l.startsWith("rpmlib(")).toList());
        assertTrue(Shell.run("rpm", "-qp", "--provides", rpm).out().contains("supermin = 5.2.2"));
        assertEquals("supermin", Shell.run("rpm", "-qp", "--conflicts", rpm).out().trim());
        assertEquals("supermin", Shell.run("rpm", "-qp", "--obsoletes", rpm).out().trim());
        Shell.run("rpm", "-K", rpm).ok("rpm -K");
    }

    @Test
    void rpmFileList() throws Exception {
        String list = Shell.run("rpm", "-qlvp", packages.rpm().toString()).ok("rpm -qlvp").out();
        for (String expected : List.of(
                "-rwxr-xr-x .* root +root .* /usr/share/jsupermin/bin/supermin\n",
                "-rw-r--r-- .* /usr/share/jsupermin/jsupermin.jar\n",
                "lrwxrwxrwx .* /usr/bin/supermin -> \\.\\./share/jsupermin/bin/supermin\n",
                "lrwxrwxrwx .* /usr/bin/jsupermin -> \\.\\./share/jsupermin/bin/supermin\n",
                " /usr/share/man/man1/supermin\\.1\\.gz\n",
                "lrwxrwxrwx .* /usr/share/man/man1/jsupermin\\.1\\.gz -> supermin\\.1\\.gz\n",
                " /usr/share/bash-completion/completions/supermin\n",
                " /usr/share/bash-completion/completions/jsupermin -> supermin\n",
                " /usr/share/zsh/site-functions/_supermin\n",
                "^drwxr-xr-x .* /usr/share/jsupermin\n")) {
            assertTrue(java.util.regex.Pattern.compile(expected, java.util.regex.Pattern.MULTILINE).matcher(list).find(),
                    expected + " in\n" + list);
        }
        assertTrue(list.lines().noneMatch(l -> l.endsWith(" /usr/bin") || l.endsWith(" /usr/share")),
                "system directories are not the package's:\n" + list);
    }

    @Test
    void buildingTwiceGivesTheSameBytes() throws Exception {
        PackagesBuilder.Packages second = buildInto(work.resolve("second"));
        assertArrayEquals(Files.readAllBytes(packages.deb()), Files.readAllBytes(second.deb()), "deb");
        assertArrayEquals(Files.readAllBytes(packages.rpm()), Files.readAllBytes(second.rpm()), "rpm");
    }
}
