package org.jsupermin.packaging;

import java.util.List;

import org.jsupermin.cli.CommandModel;
import picocli.AutoComplete;
import picocli.CommandLine;

/** Shell completion scripts for {@code supermin} and {@code jsupermin}, generated from the picocli model. */
public final class Completions {

    /** The command names the scripts complete. */
    public static final List<String> COMMANDS = List.of("supermin", "jsupermin");

    private static final String FUNCTION = "_complete_supermin";

    private Completions() {
    }

    /** The command line of {@code supermin}, built the way the program builds it. */
    public static CommandLine commandLine() {
        return CommandModel.commandLine();
    }

    /**
     * The bash script (also usable by zsh through bashcompinit): picocli's, registered for both
     * command names instead of picocli's {@code supermin.sh}/{@code supermin.bash} aliases.
     */
    public static String bash() {
        String script = AutoComplete.bash("supermin", commandLine());
        StringBuilder out = new StringBuilder();
        boolean registered = false;
        for (String line : script.split("\n", -1)) {
            if (line.startsWith("complete -F " + FUNCTION + " ")) {
                line = "complete -F " + FUNCTION + " -o default " + String.join(" ", COMMANDS);
                registered = true;
            }
            out.append(line).append('\n');
        }
        if (!registered) {
            throw new IllegalStateException("picocli's bash script has no 'complete -F " + FUNCTION + "' line");
        }
        return out.toString().stripTrailing() + "\n";
    }

    /**
     * The zsh completion function file {@code _supermin}: zsh autoloads it on the first completion,
     * it defines the bash function through zsh's bash emulation (which also registers it for later
     * completions) and completes the current word with it.
     */
    public static String zsh() {
        String bash = bash();
        if (bash.startsWith("#!")) {
            bash = bash.substring(bash.indexOf('\n') + 1);
        }
        return "#compdef " + String.join(" ", COMMANDS) + "\n"
                + "# zsh completion for supermin: the bash completion below, run by zsh's bashcompinit.\n"
                + "# bashcompinit has no compopt; the functions below are parsed before their alias exists.\n"
                + "(( $+functions[compopt] )) || compopt() { return 0; }\n"
                + bash
                + "\n_bash_complete -F " + FUNCTION + " -o default\n";
    }
}
