package org.jsupermin.push;

/** A push that cannot go on; the message is one line naming the registry, the object and what to do. */
public class PushException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure with its one-line message. */
    public PushException(String message) {
        super(message);
    }

    /** A failure with its one-line message and the cause (shown only with stack traces). */
    public PushException(String message, Throwable cause) {
        super(message, cause);
    }
}
