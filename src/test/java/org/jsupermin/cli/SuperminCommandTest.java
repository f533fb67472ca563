package org.jsupermin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** supermin 5's spellings parse as supermin parses them; nothing is run. */
class SuperminCommandTest {

    private static SuperminCommand parse(String... args) {
        SuperminCommand c = new SuperminCommand(new PrintWriter(new StringWriter()));
        CommandModel.commandLine(c).parseArgs(args);
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
        assertEquals("8G", c.formatOptions().text("--size"));
        assertEquals("x86_64", c.formatOptions().text("--host-cpu"));
        assertTrue(c.formatOptions().has("--copy-kernel"));
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

    /** What {@link SuperminCommand#run} writes to standard error, and its exit status. */
    private static String runCapturingStderr(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int status = SuperminCommand.run(args);
            return bytes.toString(StandardCharsets.UTF_8) + "exit " + status;
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void usageErrorsAfterTheQuickParsePrintWhatPicocliPrints() {
        for (String[] line : List.of(new String[] {}, new String[] {"--prepare", "bash"},
                new String[] {"--prepare", "--build", "x", "-o", "y"}, new String[] {"--names"},
                new String[] {"--build", "d", "-o", "o"}, new String[] {"--prepare", "-f", "tar", "b", "-o", "o"})) {
            assertTrue(QuickParser.parse(line, new SuperminCommand(new PrintWriter(new StringWriter()))),
                    "quick parser takes " + List.of(line));
            StringWriter viaPicocli = new StringWriter();
            PrintWriter err = new PrintWriter(viaPicocli, true);
            int status = CommandModel.execute(line, new SuperminCommand(err), err);
            String expected = viaPicocli + "exit " + status;
            assertTrue(expected.contains("  supermin --list-drivers |") && expected.endsWith("exit 2"), expected);
            assertEquals(expected, runCapturingStderr(line), "for " + List.of(line));
        }
    }
}
