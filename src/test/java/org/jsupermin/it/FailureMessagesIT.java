package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.jsupermin.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failures of the real launcher as users meet them: each is one line on standard error that says
 * what failed, on which file, why and what to do, exit status 1, and never echoes raw input,
 * "null" or an exception's class.
 */
class FailureMessagesIT {

    /** Not a @TempDir: the unprivileged user must be able to reach it. */
    private static Path dir;

    @BeforeAll
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "jsupermin-messages");
        Tools.run("chmod", "0755", dir.toString()).orFail("chmod");
    }

    @AfterAll
    static void removeDir() {
        Tools.run("umount", dir.resolve("small").toString());
        Tools.run("rm", "-rf", dir.toString());
    }

    private static Path appliance(String name) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("packages"), "base-files\n");
        return d;
    }

    private static byte[] tarGz(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes); TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(namesAndContents[i]);
                e.setSize(content.length);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The one line of a failed run. */
    private static String failure(Tools.Result r) {
        assertEquals(1, r.exit(), "exit status; stderr: " + r.stderr());
        // an appliance of base-files alone has no shell and no accounts: a tar build says so first,
        // in a warning of its own, before the failure
        String err = r.stderr().strip().replaceFirst("^supermin: warning: the image has no [^\n]*\n", "");
        assertFalse(err.contains("\n"), "one line: " + err);
        assertTrue(err.startsWith("supermin: "), err);
        assertFalse(err.contains("null") || err.contains("Exception") || err.contains("\tat "), err);
        assertTrue(err.chars().noneMatch(c -> c < 0x20 && c != '\t'), "no control characters: " + err);
        return err;
    }

    private static Tools.Result build(String format, Path d, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("--build", "-f", format));
        args.addAll(List.of(extra));
        args.addAll(List.of(d.toString(), "-o", out.toString()));
        return Tools.jsupermin(args.toArray(String[]::new));
    }

    @Test
    void aTruncatedGzipBaseImage() throws IOException {
        Path d = appliance("truncated");
        byte[] random = new byte[200_000];
        new Random(1).nextBytes(random);
        byte[] whole = tarGz("./etc/a", "a\n", "./etc/r", new String(random, StandardCharsets.ISO_8859_1));
        Files.write(d.resolve("base.tar.gz"), Arrays.copyOf(whole, whole.length / 2));
        String err = failure(build("chroot", d, dir.resolve("truncated-out")));
        assertEquals("supermin: reading base image " + d.resolve("base.tar.gz") + ": truncated gzip data: the archive is"
                + " incomplete; rebuild or re-download it", err);
    }

    @Test
    void anUnreadableBaseImageAsAnOrdinaryUser() throws IOException {
        Path d = appliance("unreadable");
        Files.write(d.resolve("base.tar.gz"), tarGz("./etc/a", "a\n"));
        Tools.run("chmod", "0000", d.resolve("base.tar.gz").toString()).orFail("chmod");
        Tools.Result r = Tools.run(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--",
                Tools.LAUNCHER.toString(), "--build", "-f", "chroot", d.toString(), "-o", "/tmp/never-written-" + dir.getFileName()),
                Map.of("HOME", "/tmp", "XDG_CACHE_HOME", dir.resolve("cache").toString()));
        assertEquals("supermin: reading " + d.resolve("base.tar.gz") + ": permission denied", failure(r));
    }

    @Test
    void binaryDataInTheApplianceIsNotEchoed() throws IOException {
        Path d = appliance("garbage");
        byte[] junk = new byte[20_000];
        new Random(2).nextBytes(junk);
        junk[0] = 'b';
        Files.write(d.resolve("junk"), junk);
        String err = failure(build("chroot", d, dir.resolve("garbage-out")));
        assertTrue(err.length() < 400, err.length() + " characters: " + err);
        assertTrue(err.contains(d.resolve("junk").toString()), err);
    }

    @Test
    void theRootDirectoryAsTheOutput() throws IOException {
        Path d = appliance("root-out");
        String err = failure(Tools.jsupermin("--build", "-f", "chroot", "--if-newer", d.toString(), "-o", "/"));
        assertTrue(err.contains("-o /: the root directory cannot be an output"), err);
    }

    @Test
    void aHardLinkWhoseTargetIsAbsolute() throws IOException {
        Path d = appliance("hardlink");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes); TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            TarArchiveEntry link = new TarArchiveEntry("./etc/b", TarArchiveEntry.LF_LINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        Files.write(d.resolve("base.tar.gz"), bytes.toByteArray());
        String err = failure(build("tar", d, dir.resolve("hardlink.tar")));
        assertTrue(err.contains("hard link ./etc/b names /etc/passwd, which has an absolute name"), err);
    }

    @Test
    void noSpaceLeftNamesTheOutput() throws IOException {
        Path small = Files.createDirectory(dir.resolve("small"));
        Tools.run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", small.toString()).orFail("mount a small tmpfs (as root)");
        try {
            Path d = appliance("full");
            for (String format : List.of("chroot", "tar", "ext2")) {
                Path out = small.resolve("out-" + format);
                String err = failure(build(format, d, out));
                assertTrue(err.contains("no space left on the device; free some space or write the output elsewhere"), err);
                assertTrue(err.contains(out.toString()) || err.contains(small.toString()) || err.contains(" into the chroot"),
                        err);
            }
        } finally {
            Tools.run("umount", small.toString()).orFail("umount");
        }
    }

    @Test
    void aFileSizeLimitNamesTheOutput() throws IOException {
        Path d = appliance("limit");
        Path out = dir.resolve("limited.tar");
        Tools.Result r = Tools.run(List.of("sh", "-c", "ulimit -f 1000; exec \"$0\" --build -f tar \"$1\" -o \"$2\"",
                Tools.LAUNCHER.toString(), d.toString(), out.toString()), Map.of());
        String err = failure(r);
        assertTrue(err.startsWith("supermin: writing " + out + ": file too large"), err);
        assertFalse(Files.exists(out), "nothing half-written");
    }
}
