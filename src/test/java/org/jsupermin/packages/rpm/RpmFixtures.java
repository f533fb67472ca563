package org.jsupermin.packages.rpm;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsupermin.testing.RpmRoot;
import org.redline_rpm.Builder;
import org.redline_rpm.header.Flags;
import org.redline_rpm.payload.Directive;

/**
 * Builds the small test packages with Redline: {@code hello} 1:2.0-1 (a binary, a setuid binary,
 * a symlink, a config file and a file owned by daemon:adm; requires a package, a soname and a file path), {@code libgreet}
 * (provides the soname) and {@code shell} (owns /bin/sh).
 */
final class RpmFixtures {

    static final String HELLO_CONF = "greeting = hello\n";

    private RpmFixtures() {
    }

    /** Writes the three .rpm files into {@code out}; returns {@code out}. */
    static Path build(Path out) throws Exception {
        Path src = Files.createDirectories(out.resolve("src"));
        Path bin = Files.writeString(src.resolve("hello"), "#!/bin/sh\necho hello\n");
        Path suid = Files.writeString(src.resolve("hello-suid"), "#!/bin/sh\nid\n");
        Path conf = Files.writeString(src.resolve("hello.conf"), HELLO_CONF, StandardCharsets.UTF_8);
        Path lib = Files.writeString(src.resolve("libgreet.so.1"), "not really a library\n");
        Path sh = Files.writeString(src.resolve("sh"), "#!/not/a/shell\n");
        Path rpms = Files.createDirectories(out.resolve("rpms"));

        Builder hello = builder("hello", "2.0", "1", 1);
        hello.setPackager("Hello Packager <hello@example.org>");
        hello.setUrl("https://example.org/hello");
        hello.setSourceRpm("hello-src-2.0-1.src.rpm");
        hello.addFile("/usr/bin/hello", bin.toFile(), 0755, -1, Directive.NONE, "root", "root");
        hello.addFile("/usr/bin/hello-suid", suid.toFile(), 04755, -1, Directive.NONE, "root", "root");
        hello.addLink("/usr/bin/hi", "hello", 0777);
        hello.addFile("/usr/share/hello/data", conf.toFile(), 0640, -1, Directive.NONE, "daemon", "adm");
        hello.addFile("/etc/hello.conf", conf.toFile(), 0644, -1, Directive.CONFIG, "root", "root");
        hello.addDependency("libgreet", Flags.GREATER | Flags.EQUAL, "1.0");
        hello.addDependency("libgreet.so.1()(64bit)", 0, "");
        hello.addDependency("/bin/sh", 0, "");
        hello.build(rpms.toFile());

        Builder libgreet = builder("libgreet", "1.5", "3", -1);
        libgreet.addFile("/usr/lib64/libgreet.so.1", lib.toFile(), 0755, -1, Directive.NONE, "root", "root");
        libgreet.addProvides("libgreet.so.1()(64bit)", "");
        libgreet.build(rpms.toFile());

        Builder shell = builder("shell", "5.2", "1", -1);
        shell.addFile("/bin/sh", sh.toFile(), 0755, -1, Directive.NONE, "root", "root");
        shell.build(rpms.toFile());
        return rpms;
    }

    private static Builder builder(String name, String version, String release, int epoch) {
        return RpmRoot.builder(name, version, release, epoch);
    }

    /** The file name Redline gives a package. */
    static File file(Path rpms, String nvra) {
        return rpms.resolve(nvra + ".rpm").toFile();
    }
}
