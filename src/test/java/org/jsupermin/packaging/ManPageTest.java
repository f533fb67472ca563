package org.jsupermin.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

/** The manual page documents exactly the options of supermin's command line, and has the usual sections. */
class ManPageTest {

    private static final Path MAN = Path.of("man/supermin.1");

    @Test
    void everyOptionOfTheCommandLineHasAnEntryAndNoOtherIsDocumented() throws IOException {
        TreeSet<String> model = new TreeSet<>();
        for (OptionSpec option : Completions.commandLine().getCommandSpec().options()) {
            model.addAll(List.of(option.names()));
        }
        assertTrue(model.contains("--format") && model.contains("-help"), "model read: " + model);
        // supermin's single-dash spelling is accepted but, like the help, the page names only --help
        model.remove("-help");
        assertEquals(model, ManPage.read(MAN).documentedOptions(),
                "option names in .TP tags of OPTIONS in " + MAN + " vs the picocli model");
    }

    @Test
    void hasTheSectionsAManualPageNeeds() throws IOException {
        List<String> sections = ManPage.read(MAN).sections();
        for (String s : List.of("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "OUTPUT FORMATS", "ENVIRONMENT",
                "EXIT STATUS", "EXAMPLES", "DIFFERENCES FROM SUPERMIN 5", "FILES", "SEE ALSO")) {
            assertTrue(sections.contains(s), "section " + s + " in " + sections);
        }
        assertEquals("NAME", sections.get(0));
    }

    @Test
    void documentsTheEnvironmentTheProgramReads() throws IOException {
        String text = String.join("\n", ManPage.read(MAN).lines());
        for (String variable : List.of("SUPERMIN_KERNEL", "SUPERMIN_MODULES", "SUPERMIN_KERNEL_VERSION", "SOURCE_DATE_EPOCH")) {
            assertTrue(text.contains(".B " + variable + "\n"), variable + " has an entry");
        }
    }

    @Test
    void readsBoldWordsOfMacroLinesAndFontEscapes() {
        assertEquals(List.of("-f", "--format"), ManPage.boldWords(".BI \\-f \" FORMAT\\fR, \" \\-\\-format \" FORMAT\""));
        assertEquals(List.of("--help", "-help"), ManPage.boldWords(".BR \\-\\-help \", \" \\-help"));
        assertEquals(List.of("--root"), ManPage.boldWords("see \\fB\\-\\-root\\fR here"));
        assertEquals(List.of(), ManPage.boldWords(".I \\-\\-not\\-bold"));
    }
}
