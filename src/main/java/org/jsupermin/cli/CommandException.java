package org.jsupermin.cli;

/** A command that cannot do what was asked although its command line is valid: one line, exit status 1, no synopsis. */
final class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message);
    }
}
