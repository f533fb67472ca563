package org.jsupermin.tar;

/** A member's content did not match the size its header declared (a file changed while it was archived). */
public class TarException extends Exception {

    public TarException(String message) {
        super(message);
    }
}
