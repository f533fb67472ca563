package org.jsupermin.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;

/**
 * Parses the command lines people type, from {@link SuperminOption}'s table, in a fraction of
 * picocli's start-up time. It declines (returns false) whatever it does not surely understand the
 * way picocli does, from unknown options to help requests, and the command then goes to picocli,
 * whose messages and exit statuses stay the only ones. Accepts: {@code --opt value},
 * {@code --opt=value}, {@code -f value}, {@code -fVALUE}, {@code -f=VALUE}, clusters of
 * {@code -v}/{@code -q}, {@code --} ending the options, and parameters anywhere.
 */
final class QuickParser {

    private final SuperminCommand command;
    private final EnumSet<SuperminOption> given = EnumSet.noneOf(SuperminOption.class);
    private int verbosity;

    private QuickParser(SuperminCommand command) {
        this.command = command;
    }

    /**
     * Sets {@code command}'s fields from {@code args} as picocli would and returns true, or returns
     * false, leaving {@code command} in an unspecified state, for anything it leaves to picocli.
     */
    static boolean parse(String[] args, SuperminCommand command) {
        return new QuickParser(command).parse(args);
    }

    /** Whether {@code args} only asks for the version line, which picocli would print and exit 0. */
    static boolean isVersionRequest(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    private boolean parse(String[] args) {
        boolean endOfOptions = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@")) {
                return false; // picocli reads @files
            }
            if (endOfOptions || arg.equals("-") || !arg.startsWith("-")) {
                command.arguments.add(arg);
            } else if (arg.equals("--")) {
                endOfOptions = true;
            } else if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                SuperminOption option = byName(eq < 0 ? arg : arg.substring(0, eq));
                if (option == null) {
                    return false;
                }
                if (!option.takesValue()) {
                    if (eq >= 0 || !flag(option)) {
                        return false;
                    }
                } else if (eq >= 0) {
                    if (!value(option, arg.substring(eq + 1))) {
                        return false;
                    }
                } else if (i + 1 >= args.length || !value(option, args[++i])) {
                    return false;
                }
            } else {
                int consumed = shortCluster(arg, i + 1 < args.length ? args[i + 1] : null);
                if (consumed < 0) {
                    return false;
                }
                i += consumed;
            }
        }
        if (verbosity > 0) {
            boolean[] v = new boolean[verbosity];
            Arrays.fill(v, true);
            command.verbose = v;
        }
        return true;
    }

    /**
     * A cluster of single-letter options such as {@code -vv}, {@code -vq}, {@code -f tar} or
     * {@code -ftar}: how many following arguments it used (0 or 1), or -1 to decline.
     */
    private int shortCluster(String arg, String next) {
        for (int j = 1; j < arg.length(); j++) {
            SuperminOption option = byName("-" + arg.charAt(j));
            if (option == null) {
                return -1;
            }
            if (!option.takesValue()) {
                if (!flag(option)) {
                    return -1;
                }
                continue;
            }
            if (j != 1) {
                return -1; // -vfVALUE: picocli accepts it, but it is rare enough to leave to picocli
            }
            String rest = arg.substring(j + 1);
            if (!rest.isEmpty()) {
                return value(option, rest.startsWith("=") ? rest.substring(1) : rest) ? 0 : -1;
            }
            return next != null && value(option, next) ? 1 : -1;
        }
        return 0;
    }

    /** The option spelled {@code name}, or null. */
    private static SuperminOption byName(String name) {
        for (SuperminOption option : SuperminOption.values()) {
            if (option.hasName(name)) {
                return option;
            }
        }
        return null;
    }

    /** Records an option without a value; false for help, version and a repeated flag. */
    private boolean flag(SuperminOption option) {
        switch (option.kind()) {
            case COUNT -> verbosity++;
            case FLAG -> {
                if (!given.add(option)) {
                    return false;
                }
                option.store(command, Boolean.TRUE);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Records an option's value; false when it was given before, or when the value looks like an
     * option (picocli's rules for those are subtle) or is no valid path for a path option.
     */
    private boolean value(SuperminOption option, String value) {
        boolean repeatable = option.kind() == SuperminOption.Kind.LIST;
        if ((!given.add(option) && !repeatable) || (value.startsWith("-") && !value.equals("-")) || value.startsWith("@")) {
            return false;
        }
        if (repeatable) {
            if (value.indexOf(',') >= 0 || value.isEmpty()) {
                return false; // picocli's own reading of such values is left to picocli
            }
            @SuppressWarnings("unchecked")
            java.util.List<String> values = (java.util.List<String>) option.read(command);
            values.add(value);
        } else if (option.kind() == SuperminOption.Kind.PATH) {
            try {
                option.store(command, Path.of(value));
            } catch (InvalidPathException e) {
                return false;
            }
        } else {
            option.store(command, value);
        }
        return true;
    }
}
