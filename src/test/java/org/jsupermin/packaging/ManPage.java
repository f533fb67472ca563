package org.jsupermin.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A roff manual page read just enough for tests: its section headings and the option names set
 * in bold in the tags of its {@code .TP} paragraphs under OPTIONS.
 */
public record ManPage(List<String> lines) {

    /** Reads a manual page source. */
    public static ManPage read(Path file) throws IOException {
        return new ManPage(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** The {@code .SH} headings, in order. */
    public List<String> sections() {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(".SH ")) {
                out.add(unquote(line.substring(4).trim()));
            }
        }
        return out;
    }

    /** Option names ("--format", "-f") in bold in the .TP tags of the OPTIONS section, sorted. */
    public TreeSet<String> documentedOptions() {
        TreeSet<String> names = new TreeSet<>();
        boolean inOptions = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(".SH ")) {
                inOptions = unquote(line.substring(4).trim()).equals("OPTIONS");
            } else if (inOptions && line.equals(".TP") && i + 1 < lines.size()) {
                for (String word : boldWords(lines.get(i + 1))) {
                    if (word.startsWith("-")) {
                        names.add(word);
                    }
                }
            }
        }
        return names;
    }

    /**
     * The OPTIONS section in order: each {@code .SS} heading as a one-element list {@code ["## heading"]},
     * each {@code .TP} entry as the option names in bold in its tag.
     */
    public List<List<String>> optionOutline() {
        List<List<String>> outline = new ArrayList<>();
        boolean inOptions = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(".SH ")) {
                inOptions = unquote(line.substring(4).trim()).equals("OPTIONS");
            } else if (inOptions && line.startsWith(".SS ")) {
                outline.add(List.of("## " + plain(unquote(line.substring(4).trim()))));
            } else if (inOptions && line.equals(".TP") && i + 1 < lines.size()) {
                List<String> names = new ArrayList<>();
                for (String word : boldWords(lines.get(i + 1))) {
                    if (word.startsWith("-")) {
                        names.add(word);
                    }
                }
                outline.add(names);
            }
        }
        return outline;
    }

    /** The words a macro line sets in bold (.B, alternate words of .BR/.BI/.RB/.IB) or \fB..\fR. */
    static List<String> boldWords(String line) {
        List<String> bold = new ArrayList<>();
        if (line.startsWith(".")) {
            int space = line.indexOf(' ');
            String macro = space < 0 ? line.substring(1) : line.substring(1, space);
            List<String> args = space < 0 ? List.of() : arguments(line.substring(space + 1));
            switch (macro) {
                case "B" -> args.forEach(a -> bold.add(plain(a)));
                case "BR", "BI" -> addEvery(bold, args, 0);
                case "RB", "IB" -> addEvery(bold, args, 1);
                default -> { }
            }
        }
        int at = line.indexOf("\\fB");
        while (at >= 0) {
            int end = line.indexOf("\\f", at + 3);
            bold.add(plain(line.substring(at + 3, end < 0 ? line.length() : end)));
            at = end < 0 ? -1 : line.indexOf("\\fB", end);
        }
        return bold;
    }

    private static void addEvery(List<String> out, List<String> args, int first) {
        for (int i = first; i < args.size(); i += 2) {
            out.add(plain(args.get(i)));
        }
    }

    /** Macro arguments: words separated by blanks, "double quoted" words kept whole. */
    static List<String> arguments(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    out.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(word.toString());
        }
        return out;
    }

    /** Roff text to plain text: "\-" to "-", other font escapes dropped. */
    static String plain(String roff) {
        return roff.replace("\\-", "-").replaceAll("\\\\f[BIRP]", "").replace("\\&", "").trim();
    }

    private static String unquote(String s) {
        return s.startsWith("\"") && s.endsWith("\"") && s.length() > 1 ? s.substring(1, s.length() - 1) : s;
    }
}
