package org.jsupermin.cli;

import java.util.ArrayList;
import java.util.List;

import org.jsupermin.build.FormatRegistry;

/**
 * The text of {@code --help}, laid out from {@link SuperminOption}'s table: the synopsis, what the
 * program does, the options under the manual page's headings (one spelling each, {@code -o OUTPUT}
 * as it is typed), and the environment. Always 80 columns wide, so that it reads the same in a
 * terminal, a pipe and a test.
 */
final class HelpText {

    /** The synopsis lines, also shown after a usage error. */
    static final String[] SYNOPSIS = {
        "  supermin --prepare [OPTIONS] PACKAGE... -o OUTPUTDIR",
        "  supermin --build [OPTIONS] -f " + FormatRegistry.standard().label() + " INPUT... -o OUTPUT",
        "  supermin --list-drivers | --version | --help",
    };

    static final int WIDTH = 80;
    /** Where descriptions start; a longer label puts its description on the next line. */
    private static final int COLUMN = 28;

    private static final String DESCRIPTION = "Builds supermin appliances: tiny descriptions of a system made from the "
            + "host's packages (--prepare), expanded on the end user's host into a chroot, a bootable ext2 appliance, "
            + "a tar base image for docker import or an OCI image (--build).";
    private static final String ENVIRONMENT = "Environment: SUPERMIN_KERNEL, SUPERMIN_MODULES, SUPERMIN_KERNEL_VERSION "
            + "choose the kernel for -f ext2; SOURCE_DATE_EPOCH clamps timestamps.";

    private HelpText() {
    }

    /** The whole help, ending with a newline. */
    static String text() {
        StringBuilder b = new StringBuilder("Usage:\n");
        for (String line : SYNOPSIS) {
            b.append(line).append('\n');
        }
        b.append('\n');
        wrap(b, DESCRIPTION, 0, WIDTH);
        SuperminOption.Group group = null;
        for (SuperminOption option : SuperminOption.values()) {
            if (option.group() == null) {
                continue;
            }
            if (option.group() != group) {
                group = option.group();
                b.append('\n').append(group.heading()).append(":\n");
            }
            String label = "  " + label(option);
            b.append(label);
            if (label.length() > COLUMN - 2) {
                b.append('\n').append(" ".repeat(COLUMN));
            } else {
                b.append(" ".repeat(COLUMN - label.length()));
            }
            wrap(b, option.description(), COLUMN, WIDTH);
        }
        b.append('\n');
        wrap(b, ENVIRONMENT, 0, WIDTH);
        b.append("See supermin(1) for details.\n");
        return b.toString();
    }

    /** "-f, --format chroot|ext2|tar": the shown spellings and the value's name. */
    static String label(SuperminOption option) {
        String label = String.join(", ", option.shownNames());
        return option.paramLabel() == null ? label : label + " " + option.paramLabel();
    }

    /**
     * The option list in the help's order: each heading as {@code ["## heading"]}, each option as
     * its shown spellings (what the manual page's OPTIONS section must list the same way).
     */
    static List<List<String>> outline() {
        List<List<String>> outline = new ArrayList<>();
        SuperminOption.Group group = null;
        for (SuperminOption option : SuperminOption.values()) {
            if (option.group() == null) {
                continue;
            }
            if (option.group() != group) {
                group = option.group();
                outline.add(List.of("## " + group.heading()));
            }
            outline.add(option.shownNames());
        }
        return outline;
    }

    /**
     * Appends {@code text} as lines of at most {@code width} characters, every line but the first
     * indented to {@code indent} (the first continues where {@code b} stands).
     */
    private static void wrap(StringBuilder b, String text, int indent, int width) {
        int column = indent;
        boolean first = true;
        for (String word : text.split(" ")) {
            if (!first && column + 1 + word.length() > width) {
                b.append('\n').append(" ".repeat(indent));
                column = indent;
                first = true;
            }
            if (!first) {
                b.append(' ');
                column++;
            }
            b.append(word);
            column += word.length();
            first = false;
        }
        b.append('\n');
    }
}
