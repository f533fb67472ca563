package org.jsupermin.util;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason of an I/O failure in words, without the path (the caller names the file): the
 * JDK's exceptions for a file often carry only the path as their message, and a failed write
 * only the system's error text.
 */
public final class IoErrors {

    private IoErrors() {
    }

    /** "permission denied", "no such file or directory", the system's reason, or the message. */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason() : f.getMessage();
            return reason == null ? "failed" : advice(reason);
        }
        if (e.getMessage() == null) {
            return e instanceof EOFException ? "the file ends too early (it is truncated)" : e.getClass().getSimpleName();
        }
        return advice(e.getMessage());
    }

    /**
     * Whether {@code e} is a failure of the storage itself (full, a file too large for it,
     * read-only, out of quota) reported with no path, as a failed write is.
     */
    public static boolean isBareStorageError(IOException e) {
        return e.getClass() == IOException.class && e.getMessage() != null && storage(e.getMessage()) != null;
    }

    /** The storage failures' texts with what to do about them. */
    private static String advice(String reason) {
        String advice = storage(reason);
        if (advice == null && reason.equals("File name too long")) {
            // a chroot's paths are created under its staging directory beside the output (README, hostile input)
            return "file name too long: with the output's own path it passes the system's limit of 4095 bytes;"
                    + " write the output to a shorter path";
        }
        return advice != null ? advice : reason;
    }

    private static String storage(String reason) {
        return switch (reason) {
            case "No space left on device" -> "no space left on the device; free some space or write the output elsewhere";
            case "Disk quota exceeded" -> "disk quota exceeded; free some space or write the output elsewhere";
            case "File too large" -> "file too large for its filesystem (or for the file size limit, ulimit -f);"
                    + " write the output to another filesystem";
            case "Read-only file system" -> "the filesystem is read-only; write the output elsewhere";
            default -> null;
        };
    }
}
