package org.jsupermin.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.redline_rpm.Builder;
import org.redline_rpm.header.Architecture;
import org.redline_rpm.header.Flags;
import org.redline_rpm.header.Os;
import org.redline_rpm.header.RpmType;
import org.redline_rpm.payload.Directive;

/**
 * A usrmerged rpm root made by the real {@code rpm} from packages built with Redline:
 * {@code filesystem} (the /bin and /lib64 links), {@code shell} (owns /usr/bin/sh),
 * {@code libgreet} (a soname), {@code hello} 1:2.0-1 (a static binary, a setuid file, a symlink,
 * a config file, a daemon:adm file; Requires a package, a soname and the file /bin/sh) and
 * {@code extra} (required by nothing).
 */
public final class RpmRoot {

    /** The pristine content of /etc/hello.conf. */
    public static final String HELLO_CONF = "greeting = hello\n";
    /** What /usr/bin/hello prints. */
    public static final String HELLO_OUTPUT = "hello from an rpm root";

    /**
     * A root and the packages installed in it.
     *
     * @param root the root directory
     * @param rpms the directory holding the .rpm files
     */
    public record Fixture(Path root, Path rpms) {
        /** Runs rpm on this root's database. */
        public Tools.Result rpm(String... args) {
            List<String> cmd = new ArrayList<>(List.of("rpm", "--root", root.toString(), "--dbpath", "/var/lib/rpm"));
            cmd.addAll(List.of(args));
            return Tools.run(cmd, java.util.Map.of());
        }
    }

    private RpmRoot() {
    }

    /** Builds the packages into {@code dir/rpms} and installs them into {@code dir/root}. */
    public static Fixture create(Path dir) throws Exception {
        Tools.requireTool("rpm", "/usr/bin/rpm", "apt-get install rpm");
        Path src = Files.createDirectories(dir.resolve("src"));
        Path rpms = Files.createDirectories(dir.resolve("rpms"));
        Path hello = StaticProgram.compile(src.resolve("hello"), HELLO_OUTPUT);
        Path suid = Files.writeString(src.resolve("hello-suid"), "#!/bin/sh\nid\n");
        Path conf = Files.writeString(src.resolve("hello.conf"), HELLO_CONF, StandardCharsets.UTF_8);
        Path data = Files.writeString(src.resolve("data"), "hello data\n");
        Path lib = Files.writeString(src.resolve("libgreet.so.1"), "not really a library\n");
        Path sh = Files.writeString(src.resolve("sh"), "#!/not/a/shell\n");
        Path readme = Files.writeString(src.resolve("readme"), "extra\n");

        Builder fs = builder("filesystem", "3.18", "1", -1);
        for (String d : List.of("/etc", "/usr", "/usr/bin", "/usr/lib64", "/usr/share", "/var", "/var/lib")) {
            fs.addDirectory(d, 0755, Directive.NONE, "root", "root", false);
        }
        fs.addLink("/bin", "usr/bin", 0777);
        fs.addLink("/lib64", "usr/lib64", 0777);
        fs.build(rpms.toFile());

        Builder shell = builder("shell", "5.2", "1", -1);
        shell.addFile("/usr/bin/sh", sh.toFile(), 0755, -1, Directive.NONE, "root", "root");
        shell.addDependency("filesystem", 0, "");
        shell.build(rpms.toFile());

        Builder libgreet = builder("libgreet", "1.5", "3", -1);
        libgreet.addFile("/usr/lib64/libgreet.so.1", lib.toFile(), 0755, -1, Directive.NONE, "root", "root");
        libgreet.addProvides("libgreet.so.1()(64bit)", "");
        libgreet.build(rpms.toFile());

        Builder h = builder("hello", "2.0", "1", 1);
        h.addFile("/usr/bin/hello", hello.toFile(), 0755, -1, Directive.NONE, "root", "root");
        h.addFile("/usr/bin/hello-suid", suid.toFile(), 04755, -1, Directive.NONE, "root", "root");
        h.addLink("/usr/bin/hi", "hello", 0777);
        h.addDirectory("/usr/share/hello", 0750, Directive.NONE, "daemon", "adm", false);
        h.addFile("/usr/share/hello/data", data.toFile(), 0640, -1, Directive.NONE, "daemon", "adm");
        h.addFile("/etc/hello.conf", conf.toFile(), 0644, -1, Directive.CONFIG, "root", "root");
        h.addDependency("libgreet", Flags.GREATER | Flags.EQUAL, "1.0");
        h.addDependency("libgreet.so.1()(64bit)", 0, "");
        h.addDependency("/bin/sh", 0, "");
        h.build(rpms.toFile());

        Builder extra = builder("extra", "1.0", "1", -1);
        extra.addFile("/usr/share/extra/readme", readme.toFile(), 0644, -1, Directive.NONE, "root", "root");
        extra.build(rpms.toFile());

        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\ndaemon:x:1:1::/:/sbin/nologin\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\ndaemon:x:1:\nadm:x:4:\n");
        Fixture f = new Fixture(root, rpms);
        f.rpm("--initdb").orFail("rpm --initdb");
        install(f, rpmFiles(rpms));
        return f;
    }

    /** Installs packages with {@code rpm -i --nodeps --noscripts}. */
    public static void install(Fixture f, List<Path> packages) {
        List<String> args = new ArrayList<>(List.of("-i", "--nodeps", "--noscripts"));
        packages.forEach(p -> args.add(p.toString()));
        f.rpm(args.toArray(String[]::new)).orFail("rpm -i " + packages);
    }

    /** The .rpm files in a directory, sorted. */
    public static List<Path> rpmFiles(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".rpm")).sorted().toList();
        }
    }

    /** A Redline builder for an x86_64 binary package ({@code epoch} &lt; 0: none). */
    public static Builder builder(String name, String version, String release, int epoch) {
        Builder b = new Builder();
        if (epoch >= 0) {
            b.setPackage(name, version, release, epoch);
        } else {
            b.setPackage(name, version, release);
        }
        b.setType(RpmType.BINARY);
        b.setPlatform(Architecture.X86_64, Os.LINUX);
        b.setSummary(name + " test package");
        b.setDescription(name + " test package");
        b.setBuildHost("localhost");
        b.setLicense("MIT");
        b.setGroup("Test");
        b.setVendor("jsupermin tests");
        return b;
    }
}
