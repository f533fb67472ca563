package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jsupermin.testing.LargeBaseImage;
import org.jsupermin.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A base image with a 4 GiB member, built as a chroot, a tar and an ext2 appliance, as root and as
 * the unprivileged user nobody: the member's content arrives intact (GNU tar and debugfs read it
 * back) while the build's peak memory, as {@code /usr/bin/time} measures it, stays under 256 MiB
 * and does not depend on the member's size.
 */
class LargeBaseImageIT {

    private static final long SIZE = 4L << 30;
    private static final long MAX_RSS_KIB = 256 * 1024;

    /** The unprivileged user the launcher is also run as (nobody:nogroup on Debian). */
    private static final String NOBODY = "65534";

    /** Not a @TempDir: nobody must be able to reach it and write its outputs there. */
    private static Path tmp;
    private static Path appliance;
    private static String expected;

    @BeforeAll
    static void makeAppliance() throws IOException {
        Tools.requireTool("time", "/usr/bin/time", "apt-get install time");
        Ext2Oracle.requireTools();
        tmp = Files.createTempDirectory("jsupermin-large-");
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        appliance = Files.createDirectory(tmp.resolve("supermin.d"));
        Files.writeString(appliance.resolve("packages"), "base-files\n");
        LargeBaseImage.write(appliance.resolve("big.tar.gz"), SIZE);
        expected = LargeBaseImage.digest(SIZE);
        Tools.run("chmod", "-R", "a+rX", appliance.toString()).orFail("chmod");
    }

    @AfterAll
    static void removeTmp() throws IOException {
        if (tmp != null) {
            Tools.run("rm", "-rf", "--one-file-system", tmp.toString());
        }
    }

    /** Builds {@code format} into {@code out} as {@code user}; returns the build's peak resident memory in KiB. */
    private static long build(String user, String format, Path out, String... extra) throws IOException {
        Path rss = tmp.resolve("rss-" + format + "-" + user);
        List<String> cmd = new java.util.ArrayList<>();
        if (user.equals("nobody")) {
            cmd.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        cmd.addAll(List.of("/usr/bin/time", "-o", rss.toString(), "-f", "%M",
                Tools.LAUNCHER.toString(), "--build", "-f", format));
        cmd.addAll(List.of(extra));
        cmd.addAll(List.of(appliance.toString(), "-o", out.toString()));
        Tools.run(cmd, Map.of()).orFail("build -f " + format);
        List<String> lines = Files.readAllLines(rss);
        long kib = Long.parseLong(lines.get(lines.size() - 1).trim());
        System.out.println("-f " + format + " as " + user + " of a " + SIZE + "-byte member: peak resident memory "
                + kib + " KiB");
        return kib;
    }

    private static String digestOf(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        try (InputStream in = p.getInputStream()) {
            String digest = LargeBaseImage.digest(in);
            assertEquals(0, p.waitFor(), String.join(" ", cmd));
            return digest;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Nothing but the appliance, the outputs and the measurements is left in the directory. */
    private static void assertNothingBeside(Path out) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            TreeSet<String> names = new TreeSet<>();
            s.forEach(p -> names.add(p.getFileName().toString()));
            names.removeIf(n -> n.startsWith("rss-") || n.equals("supermin.d") || n.endsWith(".jsupermin-stamp")
                    || n.startsWith("chroot-") || n.startsWith("out-") || n.startsWith("ext2-"));
            assertEquals(new TreeSet<>(), names, "left beside " + out);
            assertTrue(Files.exists(out), out.toString());
        }
    }

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"root", "nobody"})
    void chroot(String user) throws IOException {
        Path out = tmp.resolve("chroot-" + user);
        long rss = build(user, "chroot", out);
        assertTrue(rss < MAX_RSS_KIB, "peak memory " + rss + " KiB");
        Path member = out.resolve("big/member");
        assertEquals(SIZE, Files.size(member));
        try (InputStream in = Files.newInputStream(member)) {
            assertEquals(expected, LargeBaseImage.digest(in));
        }
        assertEquals("small\n", Files.readString(out.resolve("small")));
        assertNothingBeside(out);
        Tools.run("rm", "-rf", out.toString()).orFail("rm");
    }

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"root", "nobody"})
    void tar(String user) throws IOException {
        Path out = tmp.resolve("out-" + user + ".tar");
        long rss = build(user, "tar", out);
        assertTrue(rss < MAX_RSS_KIB, "peak memory " + rss + " KiB");
        assertEquals(expected, digestOf("tar", "-xOf", out.toString(), "./big/member"));
        assertNothingBeside(out);
        Files.delete(out);
    }

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"root", "nobody"})
    void ext2(String user) throws IOException {
        Path out = tmp.resolve("ext2-" + user);
        long rss = build(user, "ext2", out, "--size", "5G");
        assertTrue(rss < MAX_RSS_KIB, "peak memory " + rss + " KiB");
        Ext2Oracle.e2fsck(out.resolve("root"));
        assertEquals(expected, digestOf("debugfs", "-R", "cat /big/member", out.resolve("root").toString()));
        assertNothingBeside(out);
        Tools.run("rm", "-rf", out.toString()).orFail("rm");
    }
}
