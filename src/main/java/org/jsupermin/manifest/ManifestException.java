package org.jsupermin.manifest;

/** A supermin appliance's input files cannot be read or make no sense. */
public class ManifestException extends Exception {

    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
