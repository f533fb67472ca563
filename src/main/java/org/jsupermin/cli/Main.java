package org.jsupermin.cli;

/** The {@code supermin} command's entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SuperminCommand.run(args));
    }
}
