package org.jsupermin.format;

/** Writing an output format failed for a reason the user can act on. */
public class FormatException extends Exception {

    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
