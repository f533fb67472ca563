package org.jsupermin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** supermin 5's spellings parse as supermin parses them; nothing is run. */
class SuperminCommandTest {

    private static SuperminCommand parse(String... args) {
        SuperminCommand c = new SuperminCommand(new PrintWriter(new StringWriter()));
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void prepareLine() {
        SuperminCommand c = parse("--prepare", "bash", "coreutils", "-o", "supermin.d", "--use-installed", "-v", "-v");
        assertTrue(c.prepare);
        assertTrue(c.useInstalled);
        assertEquals(List.of("bash", "coreutils"), c.arguments);
        assertEquals("supermin.d", c.output);
        assertEquals(2, c.verbosity());
    }

    @Test
    void buildLineWithEveryOption() {
        SuperminCommand c = parse("--build", "--format=ext2", "--if-newer", "--lock", "/tmp/l", "--size", "8G",
                "--host-cpu", "x86_64", "--copy-kernel", "--include-packagelist", "--packager-config", "/etc/p.conf",
                "--root", "/srv/r", "supermin.d", "-o", "appliance.d", "-vvv");
        assertTrue(c.build);
        assertEquals("ext2", c.format);
        assertTrue(c.ifNewer);
        assertEquals(Path.of("/tmp/l"), c.lock);
        assertEquals("8G", c.size);
        assertEquals("x86_64", c.hostCpu);
        assertTrue(c.copyKernel);
        assertTrue(c.includePackagelist);
        assertEquals(Path.of("/etc/p.conf"), c.packagerConfig);
        assertEquals(Path.of("/srv/r"), c.root);
        assertEquals(3, c.verbosity());
        assertEquals(List.of("supermin.d"), c.arguments);
    }

    @Test
    void shortFormatAndVersionSpellings() {
        assertEquals("chroot", parse("--build", "-f", "chroot", "d", "-o", "o").format);
        assertTrue(parse("-V").version);
        assertTrue(parse("--version").version);
        assertTrue(parse("--list-drivers").listDrivers);
        assertTrue(parse("-help").help);
    }

    @Test
    void versionLineStartsWithSupermin() {
        String[] v = new Version().getVersion();
        assertEquals(1, v.length);
        assertTrue(v[0].startsWith("supermin "), v[0]);
        assertArrayEquals(v, new Version().getVersion());
    }
}
