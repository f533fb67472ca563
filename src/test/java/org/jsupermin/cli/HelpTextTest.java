package org.jsupermin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.jsupermin.packaging.ManPage;
import org.junit.jupiter.api.Test;

/** {@code --help} reads as laid out in help.txt, and the manual page lists the same options the same way. */
class HelpTextTest {

    private static String helpOutput(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, SuperminCommand.run(args));
            return bytes.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(saved);
        }
    }

    private static String expected() throws IOException {
        try (InputStream in = HelpTextTest.class.getResourceAsStream("help.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void helpIsTheExpectedLayout() throws IOException {
        assertEquals(expected(), helpOutput("--help"));
        assertEquals(expected(), helpOutput("-help"));
        assertEquals(expected(), helpOutput("--build", "--help"));
    }

    @Test
    void helpStartsAtOnceFitsEightyColumnsAndShowsValuesAsTyped() {
        String help = helpOutput("--help");
        assertTrue(help.startsWith("Usage:\n"), help);
        for (String line : help.split("\n")) {
            assertTrue(line.length() <= HelpText.WIDTH, "wider than 80: " + line);
            assertFalse(line.matches("\\s+-[-\\w]+=.*"), "option=VALUE: " + line);
            assertFalse(line.contains("-help,") || line.contains(", -help"), "two spellings of help: " + line);
        }
        assertTrue(help.contains("\n  -o OUTPUT "), help);
    }

    @Test
    void manualPageListsTheHelpsOptionsUnderTheSameHeadingsInTheSameOrder() throws IOException {
        assertEquals(HelpText.outline(), ManPage.read(Path.of("man/supermin.1")).optionOutline());
    }
}
