package org.jsupermin.tree;

/** Assembling the appliance tree failed for a reason the user can act on. */
public class TreeException extends Exception {

    public TreeException(String message) {
        super(message);
    }

    public TreeException(String message, Throwable cause) {
        super(message, cause);
    }
}
