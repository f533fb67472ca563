package org.jsupermin.packages;

/** Reading a package database, a package archive or a package's files failed. */
public class PackageDatabaseException extends Exception {

    public PackageDatabaseException(String message) {
        super(message);
    }

    public PackageDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
