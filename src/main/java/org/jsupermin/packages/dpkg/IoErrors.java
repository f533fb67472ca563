package org.jsupermin.packages.dpkg;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Short human words for I/O failures, for error messages. */
final class IoErrors {

    private IoErrors() {
    }

    /** "permission denied", "no such file", or the exception's own message. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
