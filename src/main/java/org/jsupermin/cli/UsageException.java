package org.jsupermin.cli;

/** The command line itself is wrong: printed with the synopsis, exit status 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
