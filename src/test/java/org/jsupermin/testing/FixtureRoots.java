package org.jsupermin.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Runnable copies of the hand-written pacman and apk fixture roots (test-fixtures/pacman,
 * test-fixtures/apk): every path their databases list outside /etc becomes a real file or
 * directory, {@code /usr/bin/hello} a static program, and the package archives holding the
 * pristine config files are written beside the root.
 */
public final class FixtureRoots {

    /** What /usr/bin/hello prints in these roots. */
    public static final String HELLO_OUTPUT = "hello from a fixture root";
    /** The pristine content of /etc/hello.conf in the package archives. */
    public static final String HELLO_CONF = "greeting = hello\n";

    /**
     * A materialised root.
     *
     * @param root the root directory
     * @param packages the directory for {@code --packages-from}
     * @param files every path the database lists (absolute, without trailing slashes), sorted
     */
    public record Fixture(Path root, Path packages, List<String> files) {
    }

    private FixtureRoots() {
    }

    /** The pacman fixture with /bin -> usr/bin (as Arch's filesystem package has it). */
    public static Fixture pacman(Path dir) throws IOException {
        Path root = copy(Path.of("test-fixtures/pacman/root"), dir.resolve("root"));
        List<String> listed = new ArrayList<>();
        try (Stream<Path> s = Files.list(root.resolve("var/lib/pacman/local"))) {
            for (Path pkg : s.filter(Files::isDirectory).sorted().toList()) {
                boolean inFiles = false;
                for (String line : Files.readAllLines(pkg.resolve("files"))) {
                    if (line.startsWith("%")) {
                        inFiles = line.equals("%FILES%");
                    } else if (inFiles && !line.isBlank()) {
                        listed.add("/" + line);
                    }
                }
            }
        }
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
        List<String> files = materialise(root, listed);
        Path packages = Files.createDirectories(dir.resolve("packages"));
        writeTar(packages.resolve("hello-1:2.0-1-x86_64.pkg.tar.gz"), Map.of(
                ".PKGINFO", "pkgname = hello\n", "etc/hello.conf", HELLO_CONF));
        writeTar(packages.resolve("bash-5.2.026-2-x86_64.pkg.tar.gz"), Map.of(
                ".PKGINFO", "pkgname = bash\n", "etc/bash.bashrc", "# pristine bash.bashrc\n"));
        return new Fixture(root, packages, files);
    }

    /** The apk fixture (its /bin/sh -> /bin/busybox link is kept). */
    public static Fixture apk(Path dir) throws IOException {
        Path root = copy(Path.of("test-fixtures/apk/root"), dir.resolve("root"));
        List<String> listed = new ArrayList<>();
        String folder = "";
        for (String line : Files.readAllLines(root.resolve("lib/apk/db/installed"))) {
            if (line.startsWith("F:")) {
                folder = line.substring(2);
                listed.add("/" + folder + "/");
            } else if (line.startsWith("R:")) {
                listed.add("/" + folder + "/" + line.substring(2));
            }
        }
        List<String> files = materialise(root, listed);
        Path packages = Files.createDirectories(dir.resolve("packages"));
        writeApk(packages.resolve("hello-2.0_rc1-r3.apk"), "hello", "etc/hello.conf", HELLO_CONF);
        writeApk(packages.resolve("busybox-1.36.1-r29.apk"), "busybox", "etc/securetty", "console\n");
        return new Fixture(root, packages, files);
    }

    /**
     * Creates every listed path (a trailing slash or a listed child makes a directory) outside
     * /etc that is not already there; /usr/bin/hello becomes the static program. Returns the
     * listed paths without trailing slashes, sorted.
     */
    private static List<String> materialise(Path root, List<String> listed) throws IOException {
        TreeSet<String> paths = new TreeSet<>();
        for (String l : listed) {
            paths.add(l.endsWith("/") && l.length() > 1 ? l.substring(0, l.length() - 1) : l);
        }
        for (String p : paths) {
            Path host = root.resolve(p.substring(1));
            boolean dir = listed.contains(p + "/") || paths.stream().anyMatch(o -> o.startsWith(p + "/"));
            if (Files.exists(host, LinkOption.NOFOLLOW_LINKS) || p.startsWith("/etc/")) {
                continue;
            }
            if (dir) {
                Files.createDirectories(host);
            } else {
                Files.createDirectories(host.getParent());
                Files.writeString(host, "content of " + p + "\n");
                Files.setAttribute(host, "unix:mode", 0755);
            }
        }
        Path hello = root.resolve("usr/bin/hello");
        Files.deleteIfExists(hello);
        StaticProgram.compile(hello, HELLO_OUTPUT);
        return List.copyOf(paths);
    }

    private static Path copy(Path from, Path to) {
        Tools.run("mkdir", "-p", to.getParent().toString()).orFail("mkdir");
        Tools.run("cp", "-a", from.toString(), to.toString()).orFail("cp -a " + from);
        return to;
    }

    /** A gzip tar of the given members (sorted), each 0644 unless under etc/ (0640). */
    private static void writeTar(Path file, Map<String, String> members) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (String name : new TreeSet<>(members.keySet())) {
                add(tar, name, members.get(name));
            }
        }
    }

    /** An apk v2 file: signature and control segments (no end blocks), then the data tar. */
    private static void writeApk(Path file, String name, String path, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gzip(segment(".SIGN.RSA.key.rsa.pub", "sig")));
        out.write(gzip(segment(".PKGINFO", "pkgname = " + name + "\n")));
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(data)) {
            add(tar, path, content);
        }
        out.write(gzip(data.toByteArray()));
        Files.write(file, out.toByteArray());
    }

    private static byte[] segment(String name, String content) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(b)) {
            add(tar, name, content);
        }
        int length = content.getBytes(StandardCharsets.UTF_8).length;
        return Arrays.copyOf(b.toByteArray(), 512 + ((length + 511) / 512) * 512);
    }

    private static void add(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(0100000 | (name.startsWith("etc/") ? 0640 : 0644));
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream g = new GZIPOutputStream(b)) {
            g.write(data);
        }
        return b.toByteArray();
    }
}
