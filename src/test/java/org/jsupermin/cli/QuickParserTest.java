package org.jsupermin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The quick parser against picocli on the same table: whenever it accepts a command line, every
 * field is what picocli sets; whatever picocli rejects or answers with help, it declines.
 */
class QuickParserTest {

    /** Spellings people type, odd ones and wrong ones, from which lines are drawn. */
    private static final List<String> WORDS = List.of(
            "--prepare", "--build", "-f", "tar", "ext2", "chroot", "--format", "--format=tar", "-ftar", "-f=tar",
            "-f=", "-o", "-", "/tmp/x", "-o-", "-o=-", "-o/tmp/o", "--size", "8G", "--size=8G", "--size=", "-v", "-vv",
            "-vvv", "-q", "-vq", "-qv", "-qq", "--verbose", "--quiet", "--", "-x", "-vx", "--bogus", "", " ", "bash",
            "coreutils", "@args", "@", "--root", "/srv/r", "--root=/srv/r", "--root=", "--root=a\u0000b", "--lock",
            "--help", "-help", "--version", "-V", "--list-drivers", "--explain", "--prepare=true", "--prepare=false",
            "--verbose=true", "-vf", "-fv", "-vo", "--if-newer", "--copy-kernel", "--dtb", "*.dtb", "--graph",
            "g.dot", "--compression", "xz", "--names", "--use-installed", "--size-report", "--packages-from",
            "--host-cpu", "x86_64", "\"quoted\"", "'single'", "-1", "--=x", "---x", "--prep", "-Vv", "-help=x",
            "--include-packagelist", "--packager-config", "--packager-config=/etc/p.conf", "-o=", "-o=a=b",
            "--size=1=2", "-fa=b", "--root=/x=y", "-o==", "--explain=-", "-o-x", "-q-", "a b", "--\u00e9", "\u00e9",
            "--minimize", "--locale", "de", "--locale=pt_BR", "--locale=a,b", "--graph-depth", "2");

    private static SuperminCommand fresh() {
        return new SuperminCommand(new PrintWriter(Writer.nullWriter()));
    }

    /** The command picocli makes of {@code args}, or null when it rejects them or asks for help. */
    private static SuperminCommand picocli(String... args) {
        SuperminCommand c = fresh();
        try {
            ParseResult result = CommandModel.commandLine(c).parseArgs(args);
            return result.isUsageHelpRequested() || result.isVersionHelpRequested() ? null : c;
        } catch (CommandLine.ParameterException e) {
            return null;
        }
    }

    /** The command the quick parser makes of {@code args}, or null when it declines. */
    private static SuperminCommand quick(String... args) {
        SuperminCommand c = fresh();
        return QuickParser.parse(args, c) ? c : null;
    }

    /** Every field of {@code c}, read through the table, arrays as lists. */
    private static List<Object> fields(SuperminCommand c) {
        List<Object> values = new ArrayList<>();
        for (SuperminOption option : SuperminOption.values()) {
            Object v = option.read(c);
            values.add(option + "=" + (v instanceof boolean[] b ? Arrays.toString(b) : String.valueOf(v)));
        }
        return values;
    }

    /** Asserts the quick parser declines {@code args} or agrees with picocli; returns whether it accepted. */
    private static boolean agrees(String... args) {
        SuperminCommand quick = quick(args);
        if (quick == null) {
            return false;
        }
        SuperminCommand picocli = picocli(args);
        if (picocli == null) {
            fail("quick parser accepts what picocli rejects: " + Arrays.toString(args));
        }
        assertEquals(fields(picocli), fields(quick), "fields after " + Arrays.toString(args));
        return true;
    }

    @Test
    void acceptsTheUsualLinesAsPicocliReadsThem() {
        List<String[]> lines = List.of(
                new String[] {"--prepare", "--use-installed", "bash", "coreutils", "-o", "/tmp/p"},
                new String[] {"--build", "-f", "tar", "supermin.d", "-o", "-"},
                new String[] {"--build", "-f", "ext2", "--size=8G", "--if-newer", "--lock", "/tmp/l", "d", "-o", "a"},
                new String[] {"--build", "--format=tar", "d", "-o", "a.tar.gz", "-vvv", "--compression", "xz"},
                new String[] {"--build", "--format", "chroot", "-v", "-q", "d", "-o", "c", "-v"},
                new String[] {"--build", "-ftar", "-o/tmp/o.tar", "d"},
                new String[] {"--build", "-f=tar", "-o=/tmp/o.tar", "d"},
                new String[] {"--prepare", "-o", "out", "--", "-x", "--help", "--version"},
                new String[] {"--prepare", "", "-", "bash", "-o", "out"},
                new String[] {"--prepare", "bash", "-o", "", "--root="},
                new String[] {"--list-drivers", "--root", "/srv/r"},
                new String[] {"--prepare", "x", "-o", "o", "--explain", "bash", "--graph", "g.dot", "--dtb", "*.dtb",
                    "--names", "--host-cpu", "aarch64", "--copy-kernel", "--include-packagelist", "--size-report",
                    "--packages-from", "/srv/debs", "--packager-config=/etc/yum.conf"},
                new String[] {"-vq", "--list-drivers"},
                new String[] {});
        for (String[] line : lines) {
            assertTrue(agrees(line), "accepted: " + Arrays.toString(line));
        }
    }

    @Test
    void fieldsSetAreTheOnesTheOptionsName() {
        SuperminCommand c = quick("--build", "-ftar", "--lock=/tmp/l", "--size", "8G", "--root", "/srv", "-o", "-",
                "--explain", "bash", "-vv", "d1", "--", "-d2");
        assertTrue(c.build);
        assertFalse(c.prepare);
        assertEquals("tar", c.format);
        assertEquals(Path.of("/tmp/l"), c.lock);
        assertEquals("8G", SuperminOption.SIZE.read(c));
        assertEquals(List.of("8G"), c.formatOptions().list("--size"));
        assertEquals(Path.of("/srv"), c.root);
        assertEquals("-", c.output);
        assertEquals("bash", c.explain);
        assertEquals(2, c.verbosity());
        assertEquals(List.of("d1", "-d2"), c.arguments);
        assertEquals(Path.of("/"), quick("--prepare").root);
    }

    @Test
    void declinesHelpVersionErrorsAndWhatPicocliReadsItsOwnWay() {
        List<String[]> lines = List.of(
                new String[] {"--help"}, new String[] {"-help"}, new String[] {"--build", "--help"},
                new String[] {"--version", "--prepare"}, new String[] {"-V"}, new String[] {"-vV"},
                new String[] {"--prepare", "--bogus"}, new String[] {"--prepare", "-x"}, new String[] {"-vx"},
                new String[] {"--prepare", "-o"}, new String[] {"--build", "-f"}, new String[] {"--size="},
                new String[] {"--prepare", "--prepare"}, new String[] {"-q", "--quiet"},
                new String[] {"-f", "tar", "--format", "ext2"}, new String[] {"-o", "a", "-o", "b"},
                new String[] {"-o", "--prepare"}, new String[] {"-o", "-x"}, new String[] {"--size", "-1"},
                new String[] {"--prepare=true"}, new String[] {"--verbose=true"}, new String[] {"@args"},
                new String[] {"--prepare", "@pkgs", "-o", "o"}, new String[] {"--root=a\u0000b"},
                new String[] {"-vf", "tar"}, new String[] {"--prep"}, new String[] {"--format=-x"});
        for (String[] line : lines) {
            if (line.length == 1 && line[0].equals("--size=")) {
                continue; // an empty attached value is accepted (below)
            }
            assertFalse(QuickParser.parse(line, fresh()), "declined: " + Arrays.toString(line));
        }
        assertTrue(agrees("--size="));
    }

    @Test
    void randomLinesOfSpellingsAgreeWithPicocliWheneverAccepted() {
        Random random = new Random(20240611L);
        int accepted = 0;
        int picocliAccepted = 0;
        for (int n = 0; n < 4000; n++) {
            String[] line = new String[random.nextInt(7)];
            for (int i = 0; i < line.length; i++) {
                line[i] = WORDS.get(random.nextInt(WORDS.size()));
            }
            if (agrees(line)) {
                accepted++;
            }
            if (picocli(line) != null) {
                picocliAccepted++;
            }
        }
        // the parser is only worth its keep if it takes most of what picocli takes
        assertTrue(accepted * 4 >= picocliAccepted * 3, accepted + " accepted of " + picocliAccepted + " picocli accepts");
    }

    @Test
    void everyOptionOfTheTableStoresIntoTheFieldItReads() {
        for (SuperminOption option : SuperminOption.values()) {
            SuperminCommand c = fresh();
            Object sample = switch (option.kind()) {
                case FLAG, VERSION, HELP -> Boolean.TRUE;
                case COUNT -> new boolean[] {true, true};
                case TEXT -> "text-" + option;
                case PATH -> Path.of("/path-" + option);
                case POSITIONAL, LIST -> new ArrayList<>(List.of("a", "b"));
            };
            option.store(c, sample);
            assertEquals(sample, option.read(c), option.toString());
        }
    }

    @Test
    void versionLineIsPicocliVersionHelp() {
        StringWriter picocli = new StringWriter();
        CommandModel.commandLine().printVersionHelp(new PrintWriter(picocli, true));
        assertEquals(picocli.toString(), Version.line() + System.lineSeparator());
        assertTrue(QuickParser.isVersionRequest(new String[] {"-V"}));
        assertTrue(QuickParser.isVersionRequest(new String[] {"--version"}));
        assertFalse(QuickParser.isVersionRequest(new String[] {"--version", "-v"}));
        assertFalse(QuickParser.isVersionRequest(new String[] {"--versio"}));
    }
}
