package org.jsupermin.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Supermin appliances written by an attacker or a careless user, each with what a build of it
 * must do: be refused in one line naming what is wrong, or succeed with the output checked. The
 * hostile symlinks point at a canary directory that must stay empty.
 */
public final class HostileAppliances {

    /** Writes an appliance into {@code dir}; links that try to escape point at {@code canary}. */
    public interface Setup {
        void write(Path dir, Path canary) throws IOException;
    }

    /** Checks a successful build's output. */
    public interface Check {
        void verify(Path out, String format) throws IOException;
    }

    /**
     * One appliance and what its build must do.
     *
     * @param name short name (test display, work directory)
     * @param setup writes the appliance
     * @param fails whether the build must be refused (exit 1, one line)
     * @param mentions what the refusal's line must contain
     * @param wrongKindOfOutput whether the previous output is of the wrong kind (a directory for
     *     tar, a file for chroot and ext2)
     * @param usage whether exit status 2 (a usage error) is acceptable
     * @param extraOptions options added before the appliance
     * @param environment extra environment variables
     * @param maxSeconds how long a run may take
     * @param check checks a successful output
     * @param users the users to build as ("root", "nobody")
     * @param lastly changes the appliance after it has been made readable to all (modes), or null
     */
    public record Case(String name, Setup setup, boolean fails, List<String> mentions, boolean wrongKindOfOutput,
                       boolean usage, List<String> extraOptions, Map<String, String> environment, long maxSeconds,
                       Check check, List<String> users, Setup lastly) {

        /** Where an option of {@link #extraOptions} names the run's work directory (beside supermin.d). */
        public static final String WORK = "{work}";

        public Case(String name, Setup setup, boolean fails, List<String> mentions, boolean wrongKindOfOutput,
                    boolean usage, List<String> extraOptions, Map<String, String> environment, long maxSeconds,
                    Check check) {
            this(name, setup, fails, mentions, wrongKindOfOutput, usage, extraOptions, environment, maxSeconds, check,
                    List.of("root", "nobody"), null);
        }

        @Override
        public String toString() {
            return name;
        }

        Case withMaxSeconds(long seconds) {
            return new Case(name, setup, fails, mentions, wrongKindOfOutput, usage, extraOptions, environment, seconds,
                    check, users, lastly);
        }

        Case withWrongKindOfOutput() {
            return new Case(name, setup, fails, mentions, true, usage, extraOptions, environment, maxSeconds, check,
                    users, lastly);
        }

        Case withOptions(String... options) {
            return new Case(name, setup, fails, mentions, wrongKindOfOutput, usage, List.of(options), environment,
                    maxSeconds, check, users, lastly);
        }

        /**
         * With the host's kernel named in the environment, for a --root that has none: ext2 looks
         * for the kernel before it reads the package database.
         */
        Case withHostKernel() throws IOException {
            Path kernel;
            try (java.util.stream.Stream<Path> s = Files.list(Path.of("/boot"))) {
                kernel = s.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).sorted()
                        .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no /boot/vmlinuz-*: install linux-image-amd64"));
            }
            String version = kernel.getFileName().toString().substring("vmlinuz-".length());
            return new Case(name, setup, fails, mentions, wrongKindOfOutput, usage, extraOptions,
                    Map.of("SUPERMIN_KERNEL", kernel.toString(), "SUPERMIN_MODULES", "/lib/modules/" + version),
                    maxSeconds, check, users, lastly);
        }

        /** Run as {@code user} only: as root, a file's mode does not keep it from being read. */
        Case onlyAs(String user, Setup last) {
            return new Case(name, setup, fails, mentions, wrongKindOfOutput, usage, extraOptions, environment,
                    maxSeconds, check, List.of(user), last);
        }
    }

    private static final long MAX_SECONDS = 120;
    private static final Check NONE = (out, format) -> { };

    private HostileAppliances() {
    }

    private static Case refused(String name, Setup setup, String... mentions) {
        return new Case(name, setup, true, List.of(mentions), false, false, List.of(), Map.of(), MAX_SECONDS, NONE);
    }

    private static Case built(String name, Setup setup, Check check) {
        return new Case(name, setup, false, List.of(), false, false, List.of(), Map.of(), MAX_SECONDS, check);
    }

    /** Every case. */
    public static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        cases.add(built("benign", (dir, canary) -> new TestTar().dir("./etc/").file("./etc/hello", "hello\n")
                .writeTo(dir.resolve("base.tar")), HostileAppliances::hasHello));
        // a symlink of the archive hidden by the usrmerge alias /lib -> usr/lib
        cases.add(refused("alias-symlink", (dir, canary) -> new TestTar()
                .symlink("./usr/lib/foo", canary.toString()).file("./lib/foo/pwned", "pwned\n")
                .writeTo(dir.resolve("base.tar")), "/usr/lib/foo/pwned", "symlink", "base.tar"));
        // the symlink in one base image, the member under it in the next
        cases.add(refused("two-archives", (dir, canary) -> {
            new TestTar().symlink("./x", canary.toString()).writeTo(dir.resolve("a.tar"));
            new TestTar().file("./x/pwned", "pwned\n").writeTo(dir.resolve("b.tar"));
        }, "/x/pwned", "a.tar", "b.tar"));
        // a symlink replacing a package's directory, absolute and relative (deep enough to leave the output)
        cases.add(refused("package-directory-absolute", (dir, canary) -> {
            Files.writeString(dir.resolve("packages"), "bash\n");
            new TestTar().symlink("./usr/share/doc/bash", canary.toString()).writeTo(dir.resolve("base.tar"));
        }, "/usr/share/doc/bash/", "package bash", "symlink"));
        cases.add(refused("package-directory-relative", (dir, canary) -> {
            Files.writeString(dir.resolve("packages"), "bash\n");
            new TestTar().symlink("./usr/share/doc/bash", "../../../../canary").writeTo(dir.resolve("base.tar"));
        }, "/usr/share/doc/bash/", "../../../../canary"));
        // a hostfile whose directory a base image turns into a symlink
        cases.add(refused("hostfile-under-symlink", (dir, canary) -> {
            Files.writeString(dir.resolve("hostfiles"), "/usr/share/common-licenses/GPL-3\n");
            new TestTar().symlink("./usr/share/common-licenses", canary.toString()).writeTo(dir.resolve("base.tar"));
        }, "/usr/share/common-licenses/GPL-3", "symlink"));
        // names no format can hold
        cases.add(refused("ten-thousand-components", (dir, canary) -> new TestTar()
                .file("./" + "a/".repeat(10_000) + "pwned", "x").writeTo(dir.resolve("base.tar")), "4095", "base.tar"));
        cases.add(refused("long-component", (dir, canary) -> new TestTar()
                .file("./etc/" + "n".repeat(300), "x").writeTo(dir.resolve("base.tar")), "300 bytes", "base.tar"));
        cases.add(refused("truncated-gzip", (dir, canary) -> {
            byte[] tar = new TestTar().file("./etc/hello", "hello\n".repeat(10_000)).bytes();
            byte[] gz = gzip(tar);
            Files.write(dir.resolve("base.tar.gz"), Arrays.copyOf(gz, gz.length / 2));
        }, "base.tar.gz"));
        // a file of random bytes that starts like a package list: never echoed whole
        cases.add(refused("garbage-package-list", (dir, canary) -> {
            byte[] noise = new byte[20_000];
            new java.util.Random(14).nextBytes(noise);
            byte[] garbage = Arrays.copyOf("abc".getBytes(StandardCharsets.US_ASCII), 3 + noise.length);
            System.arraycopy(noise, 0, garbage, 3, noise.length);
            Files.write(dir.resolve("garbage"), garbage);
        }, "garbage", "not a package name"));
        // names that are not UTF-8 are kept byte for byte, and never collide with their UTF-8 look-alikes
        cases.add(built("non-utf8-names", (dir, canary) -> new TestTar().dir("./etc/")
                .member(latin1("./etc/caf\u00e9"), '0', 0644, latin1("latin-1\n"), null)
                .file("./etc/caf\u00e9-utf8", "utf-8\n")
                .plainFile(latin1("./etc/gnu-\u00ff"), "ustar field\n")
                .member(latin1("./etc/link"), '2', 0777, new byte[0], latin1("caf\u00e9"))
                .writeTo(dir.resolve("base.tar")), HostileAppliances::hasRawNames));
        // a pattern that takes exponential time to a backtracking matcher
        cases.add(built("exponential-excludefiles", (dir, canary) -> {
            Files.writeString(dir.resolve("packages"), "bash\n");
            Files.writeString(dir.resolve("excludefiles"), "-/*?*?*?*?*?*?*?*?*?*?*?*?*X*.gz\n");
        }, NONE).withMaxSeconds(60));
        // the stamp's temporary names prepared as symlinks by another user of the output's shared
        // directory: never written through, the build and its stamp as usual
        cases.add(new Case("stamp-temp-symlinks", (dir, canary) -> {
            new TestTar().dir("./etc/").file("./etc/hello", "hello\n").writeTo(dir.resolve("base.tar"));
            plantStampLinks(dir.getParent(), canary, false);
        }, false, List.of(), false, false, List.of("--if-newer"), Map.of(), MAX_SECONDS,
                HostileAppliances::hasHelloAndRegularStamp));
        // the stamp itself a symlink (into the canary, where nothing exists): never followed,
        // the output rebuilt and the link replaced by a regular stamp
        cases.add(new Case("stamp-symlink", (dir, canary) -> {
            new TestTar().dir("./etc/").file("./etc/hello", "hello\n").writeTo(dir.resolve("base.tar"));
            plantStampLinks(dir.getParent(), canary, true);
        }, false, List.of(), false, false, List.of("--if-newer"), Map.of(), MAX_SECONDS,
                HostileAppliances::hasHelloAndRegularStamp));
        // the stamp a symlink to an existing file: that file is neither read nor written; the
        // link is replaced by a regular stamp
        cases.add(new Case("stamp-symlink-to-file", (dir, canary) -> {
            new TestTar().dir("./etc/").file("./etc/hello", "hello\n").writeTo(dir.resolve("base.tar"));
            plantStampLinks(dir.getParent(), canary, false);
            Path file = Files.writeString(dir.resolveSibling("canary-file"), "canary\n");
            for (String out : List.of("out", "out.tar")) {
                Files.createSymbolicLink(dir.resolveSibling("." + out + ".jsupermin-stamp"), file);
            }
        }, false, List.of(), false, false, List.of("--if-newer"), Map.of(), MAX_SECONDS, (out, format) -> {
            hasHelloAndRegularStamp(out, format);
            expect("canary\n", Files.readString(out.resolveSibling("canary-file")));
        }));
        // a GNU tar -S member of 1 GiB, all holes but a few bytes
        cases.add(built("sparse-member", (dir, canary) -> {
            Path tree = Files.createDirectories(dir.resolve("tree/etc"));
            Path big = tree.resolve("big");
            Commands.ok("truncate", "-s", "1G", big.toString());
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(big,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap("middle\n".getBytes(StandardCharsets.US_ASCII)), 1L << 29);
            }
            Commands.run(List.of("tar", "-S", "--format=gnu", "-cf", dir.resolve("base.tar").toString(), "./etc"),
                    dir.resolve("tree"), Map.of(), 60).orFail();
            Commands.ok("rm", "-rf", dir.resolve("tree").toString());
        }, HostileAppliances::hasSparseMember));
        // inputs that cannot be read: a base image of mode 000 and a directory of mode 000, as nobody
        cases.add(refused("unreadable-base-image", (dir, canary) -> new TestTar().file("./etc/hello", "hello\n")
                .writeTo(dir.resolve("base.tar")), "base.tar", "permission denied")
                .onlyAs("nobody", (dir, canary) -> chmod("000", dir.resolve("base.tar"))));
        cases.add(refused("unreadable-directory", (dir, canary) -> new TestTar().file("./etc/hello", "hello\n")
                .writeTo(Files.createDirectory(dir.resolve("sub")).resolve("base.tar")), "sub", "permission denied")
                .onlyAs("nobody", (dir, canary) -> chmod("000", dir.resolve("sub"))));
        // entries that are not files: a FIFO would block the build, /dev/zero never end, a link loop
        // make the path grow until it is too long, a dangling link say nothing of itself
        cases.add(refused("fifo-input", (dir, canary) -> Commands.ok("mkfifo", dir.resolve("base.tar").toString()),
                "base.tar", "not a regular file or directory"));
        cases.add(refused("device-input", (dir, canary) -> Files.createSymbolicLink(dir.resolve("base.tar"),
                Path.of("/dev/zero")), "base.tar", "not a regular file or directory"));
        cases.add(refused("symlink-loop", (dir, canary) -> {
            new TestTar().file("./etc/hello", "hello\n").writeTo(dir.resolve("base.tar"));
            Files.createSymbolicLink(Files.createDirectory(dir.resolve("sub")).resolve("up"), Path.of(".."));
        }, "sub/up", "a loop"));
        cases.add(refused("dangling-link", (dir, canary) -> Files.createSymbolicLink(dir.resolve("base.tar.gz"),
                canary.resolve("missing")), "base.tar.gz", "a symbolic link to a missing file"));
        // a directory where a base image's name is expected is walked like any directory, as supermin does
        cases.add(built("directory-named-like-a-base-image", (dir, canary) -> new TestTar().dir("./etc/")
                .file("./etc/hello", "hello\n").writeTo(Files.createDirectory(dir.resolve("base.tar.gz"))
                        .resolve("base.tar")), HostileAppliances::hasHello));
        // a package database from elsewhere (--root): a status file cut inside a value, a version whose
        // epoch is not a number
        cases.add(refused("truncated-dpkg-status", (dir, canary) -> {
            Files.writeString(dir.resolve("packages"), "bash\n");
            Path status = dpkgRoot(dir).resolve("var/lib/dpkg/status");
            String text = Files.readString(status);
            Files.writeString(status, text.substring(0, text.indexOf("\nDescription: ") + 16));
        }, "var/lib/dpkg/status", "without a final newline").withOptions("--root", Case.WORK + "/root").withHostKernel());
        cases.add(refused("dpkg-epoch-not-a-number", (dir, canary) -> {
            Files.writeString(dir.resolve("packages"), "bash\n");
            Path status = dpkgRoot(dir).resolve("var/lib/dpkg/status");
            Files.writeString(status, Files.readString(status).replaceFirst("\nVersion: ", "\nVersion: x:"));
        }, "var/lib/dpkg/status", "field Version", "epoch of version 'x:").withOptions("--root", Case.WORK + "/root")
                .withHostKernel());
        // an existing output of the wrong kind: a directory for -f tar, a file for chroot and ext2
        cases.add(refused("wrong-kind-of-output", (dir, canary) -> new TestTar().file("./etc/hello", "hello\n")
                .writeTo(dir.resolve("base.tar")), "-o ", "exists").withWrongKindOfOutput());
        return cases;
    }

    /**
     * Names beside both possible outputs (out, out.tar) that a writer of the stamp might use, as
     * links to names in the canary.
     */
    private static void plantStampLinks(Path outputDir, Path canary, boolean stampToo) throws IOException {
        for (String out : List.of("out", "out.tar")) {
            String stamp = "." + out + ".jsupermin-stamp";
            List<String> names = new ArrayList<>();
            // the stamp's name with a suffix, as a PID-named writer would use, and the hidden
            // ".<stamp>.tmp-<random>" form of TempFiles.replace with guessable randoms
            for (String prefix : List.of(stamp, "." + stamp)) {
                for (String suffix : List.of(".tmp", ".tmp1", ".tmp-0", ".tmp12345", ".tmp-0000000000000000",
                        ".tmp-ffffffffffffffff")) {
                    names.add(prefix + suffix);
                }
            }
            if (stampToo) {
                names.add(stamp);
            }
            for (String name : names) {
                Files.createSymbolicLink(outputDir.resolve(name), canary.resolve(name.substring(1)));
            }
        }
    }

    private static void chmod(String mode, Path p) throws IOException {
        Commands.ok("chmod", mode, p.toString());
    }

    /** A copy of the dpkg fixture root beside the appliance, as "root"; returns it. */
    private static Path dpkgRoot(Path appliance) throws IOException {
        Path root = appliance.resolveSibling("root");
        Commands.ok("cp", "-a", Path.of("test-fixtures/dpkg-root").toAbsolutePath().toString(), root.toString());
        Commands.ok("chmod", "-R", "a+rX", root.toString());
        return root;
    }

    /** /etc/hello is in the output and the stamp beside it is a regular file, not a link. */
    private static void hasHelloAndRegularStamp(Path out, String format) throws IOException {
        hasHello(out, format);
        Path stamp = out.resolveSibling("." + out.getFileName() + ".jsupermin-stamp");
        if (!Files.isRegularFile(stamp, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new AssertionError("no regular stamp at " + stamp);
        }
    }

    /** The sparse member keeps its size and the bytes in its middle. */
    private static void hasSparseMember(Path out, String format) throws IOException {
        String listing = switch (format) {
            case "chroot" -> Files.size(out.resolve("etc/big")) + "\n";
            case "tar" -> Commands.ok("tar", "-tvf", out.toString(), "./etc/big").stdout();
            default -> Commands.ok("debugfs", "-R", "stat /etc/big", out.resolve("root").toString()).stdout();
        };
        if (!listing.contains("1073741824")) {
            throw new AssertionError("/etc/big is not 1 GiB: " + listing);
        }
        if (format.equals("chroot")) {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(out.resolve("etc/big"))) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(7);
                ch.read(b, 1L << 29);
                expect("middle\n", new String(b.array(), StandardCharsets.US_ASCII));
            }
        }
    }

    /** The benign appliance's /etc/hello is in the output. */
    private static void hasHello(Path out, String format) throws IOException {
        switch (format) {
            case "chroot" -> expect("hello\n", Files.readString(out.resolve("etc/hello")));
            case "tar" -> expect("hello\n", Commands.ok("tar", "-xOf", out.toString(), "./etc/hello").stdout());
            default -> expect("hello\n", Commands.ok("debugfs", "-R", "cat /etc/hello", out.resolve("root").toString())
                    .stdout());
        }
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The non-UTF-8 appliance's names, as {@code ls -b} (LANG=C) shows them, with their content. */
    private static void hasRawNames(Path out, String format) throws IOException {
        Path etc;
        Path unpacked = Files.createTempDirectory(out.toAbsolutePath().getParent(), "unpacked");
        switch (format) {
            case "chroot" -> etc = out.resolve("etc");
            case "tar" -> {
                Commands.ok("tar", "-xf", out.toString(), "-C", unpacked.toString(), "./etc");
                etc = unpacked.resolve("etc");
            }
            default -> {
                Commands.ok("debugfs", "-R", "rdump /etc " + unpacked, out.resolve("root").toString());
                etc = unpacked.resolve("etc");
            }
        }
        expect("caf\\303\\251-utf8\ncaf\\351\ngnu-\\377\nlink\n",
                Commands.run(List.of("ls", "-1b", etc.toString()), null, Map.of(), 60).orFail().stdout());
        expect("caf\\351\n", Commands.run(List.of("sh", "-c", "ls -lb link | sed 's/.* -> //'"), etc, Map.of(), 60)
                .orFail().stdout());
        expect("latin-1\n", Commands.run(List.of("sh", "-c", "cat \"$(printf 'caf\\351')\""), etc, Map.of(), 60)
                .orFail().stdout());
        Commands.ok("rm", "-rf", unpacked.toString());
    }

    private static void expect(String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new AssertionError("expected " + expected + " but the output holds " + actual);
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
