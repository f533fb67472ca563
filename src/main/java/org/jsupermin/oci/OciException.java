package org.jsupermin.oci;

import org.jsupermin.format.FormatException;

/** An OCI image could not be made for a reason the user can act on (a bad option value, a write failure). */
public class OciException extends FormatException {

    public OciException(String message) {
        super(message);
    }

    public OciException(String message, Throwable cause) {
        super(message, cause);
    }
}
