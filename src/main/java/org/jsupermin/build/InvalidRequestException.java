package org.jsupermin.build;

/** The request itself is wrong (an unknown format, options that cannot go together): a usage error. */
public class InvalidRequestException extends BuildException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
