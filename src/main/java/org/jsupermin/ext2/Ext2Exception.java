package org.jsupermin.ext2;

/** Building an ext2 image failed for a reason the user can act on (image too small, bad entry). */
public class Ext2Exception extends Exception {

    public Ext2Exception(String message) {
        super(message);
    }

    public Ext2Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
