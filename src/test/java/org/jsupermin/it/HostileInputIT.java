package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jsupermin.testing.FileTreeSnapshot;
import org.jsupermin.testing.HostileAppliances;
import org.jsupermin.testing.HostileAppliances.Case;
import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and careless supermin appliances ({@link HostileAppliances}) built with the real
 * launcher in every format, as root and as the unprivileged user nobody. Every run must end with
 * status 0 or 1, say why in one line without a stack trace, write nothing outside its output (a
 * canary directory that the hostile links point at, and a scan of /tmp), and leave the previous
 * output as it was when it fails.
 */
class HostileInputIT {

    private static final List<String> FORMATS = List.of("chroot", "tar", "ext2");
    private static final List<String> USERS = List.of("root", "nobody");
    /** The unprivileged user the launcher is run as (nobody:nogroup on Debian). */
    private static final String NOBODY = "65534";

    private static Path base;

    @BeforeAll
    static void makeBase() throws IOException {
        // not a @TempDir: nobody must be able to reach it
        base = Files.createTempDirectory("jsupermin-hostile-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void removeBase() throws IOException {
        if (base != null) {
            Tools.run("rm", "-rf", "--one-file-system", base.toString());
        }
    }

    static Stream<Arguments> runs() throws IOException {
        List<Arguments> runs = new ArrayList<>();
        // -Dhostile.case=NAME[,NAME...] runs these cases only (when a fix is being tried)
        String only = System.getProperty("hostile.case");
        for (Case c : HostileAppliances.cases()) {
            if (only != null && !List.of(only.split(",")).contains(c.name())) {
                continue;
            }
            for (String format : FORMATS) {
                for (String user : USERS) {
                    if (!c.users().contains(user)) {
                        continue;
                    }
                    runs.add(Arguments.of(c, format, user));
                }
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} -f {1} as {2}")
    @MethodSource("runs")
    void aHostileApplianceStaysInsideItsOutputAndFailsInOneLine(Case c, String format, String user) throws Exception {
        Path work = Files.createTempDirectory(base, c.name() + "-" + format + "-" + user + "-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path canary = Files.createDirectory(work.resolve("canary"));
        Files.setPosixFilePermissions(canary, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path appliance = Files.createDirectory(work.resolve("supermin.d"));
        c.setup().write(appliance, canary);
        Tools.run("chmod", "-R", "a+rX", appliance.toString()).orFail("chmod");
        if (c.lastly() != null) {
            c.lastly().write(appliance, canary);
        }
        Path out = work.resolve(format.equals("tar") ? "out.tar" : "out");
        boolean outputIsDirectory = !format.equals("tar") ^ c.wrongKindOfOutput();
        previousOutput(out, outputIsDirectory);
        if (user.equals("nobody")) {
            Tools.run("chown", "-R", NOBODY + ":" + NOBODY, out.toString()).orFail("chown");
        }
        FileTreeSnapshot previous = FileTreeSnapshot.of(out);
        Set<String> tmpBefore = tmpNames();

        List<String> cmd = new ArrayList<>();
        if (user.equals("nobody")) {
            cmd.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        cmd.add(Tools.LAUNCHER.toString());
        cmd.addAll(List.of("--build", "-f", format));
        for (String option : c.extraOptions()) {
            cmd.add(option.replace(Case.WORK, work.toString()));
        }
        cmd.addAll(List.of(appliance.toString(), "-o", out.toString()));
        long t0 = System.nanoTime();
        Result r = Tools.run(cmd, c.environment());
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        String what = String.join(" ", cmd) + "\nexit " + r.exit() + "\nstderr:\n" + r.stderr();

        assertTrue(r.exit() == 0 || r.exit() == 1 || (r.exit() == 2 && c.usage()), "exit status: " + what);
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat ") || r.stderr().contains("Error:"),
                "a stack trace or an exception's name: " + what);
        List<String> lines = new ArrayList<>();
        for (String line : r.stderr().split("\n")) {
            assertTrue(line.length() <= 500, "a line of " + line.length() + " characters: " + what);
            if (!line.isEmpty() && !line.startsWith("supermin: warning: ")) {
                lines.add(line);
            }
        }
        assertTrue(seconds < c.maxSeconds(), "took " + seconds + " s: " + what);
        try (Stream<Path> s = Files.list(canary)) {
            assertEquals(List.of(), s.toList(), "written through a link into the canary: " + what);
        }
        Set<String> tmpNew = new TreeSet<>(tmpNames());
        tmpNew.removeAll(tmpBefore);
        // other programs use /tmp at the same time: only the names this tool and these appliances would write count
        tmpNew.removeIf(n -> !(n.contains("pwned") || n.startsWith("jsupermin-xattrs") || n.startsWith(".jsupermin")
                || n.startsWith(".out")));
        assertEquals(Set.of(), tmpNew, "new files in /tmp: " + what);
        Set<String> left = new TreeSet<>();
        try (Stream<Path> s = Files.list(work)) {
            s.forEach(p -> left.add(p.getFileName().toString()));
        }
        left.removeAll(Set.of("canary", "canary-file", "supermin.d", "root", out.getFileName().toString(),
                "." + out.getFileName() + ".jsupermin-stamp"));
        // links the appliance planted (to the canary directory or canary-file) must still be those links
        left.removeIf(n -> isLinkInto(work.resolve(n), canary));
        assertEquals(Set.of(), left, "left beside the output: " + what);

        if (c.fails()) {
            assertEquals(1, r.exit(), "expected a refusal: " + what);
            assertEquals(1, lines.size(), "one line: " + what);
            assertTrue(lines.get(0).startsWith("supermin: "), what);
            for (String part : c.mentions()) {
                assertTrue(lines.get(0).contains(part), "the message names " + part + ": " + what);
            }
            assertEquals(previous, FileTreeSnapshot.of(out), "the previous output changed: " + what);
        } else {
            assertEquals(0, r.exit(), "expected a build: " + what);
            assertEquals(List.of(), lines, what);
            assertTrue(format.equals("tar") ? Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)
                    : Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS), what);
            c.check().verify(out, format);
        }
        Tools.run("rm", "-rf", "--one-file-system", work.toString()).orFail("cleaning " + work);
    }

    /** A previous output of the given kind, with content a failed build must leave as it is. */
    private static void previousOutput(Path out, boolean directory) throws IOException {
        if (directory) {
            Files.createDirectory(out);
            Files.writeString(out.resolve("previous-marker"), "the previous output\n");
        } else {
            Files.writeString(out, "the previous output\n");
        }
    }

    private static boolean isLinkInto(Path p, Path canary) {
        try {
            // by name, not component: canary-file counts too
            return Files.isSymbolicLink(p) && Files.readSymbolicLink(p).toString().startsWith(canary.toString());
        } catch (IOException e) {
            return false;
        }
    }

    private static Set<String> tmpNames() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.list(Path.of("/tmp"))) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }
}
