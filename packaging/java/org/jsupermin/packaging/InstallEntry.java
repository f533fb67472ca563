package org.jsupermin.packaging;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing a jsupermin package installs: a regular file (copied from {@code source}), a
 * directory, or a symbolic link whose {@code target} is relative to the link's directory.
 */
public record InstallEntry(Kind kind, String path, Path source, String target, int mode) {

    /** What the entry is. */
    public enum Kind { FILE, DIRECTORY, SYMLINK }

    public InstallEntry {
        Objects.requireNonNull(kind, "kind");
        if (!path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("install path must be absolute, without a trailing slash: " + path);
        }
        if (kind == Kind.SYMLINK && (target == null || target.startsWith("/"))) {
            throw new IllegalArgumentException("symlink " + path + " needs a relative target, not " + target);
        }
    }

    /** A regular file with the given mode. */
    public static InstallEntry file(String path, Path source, int mode) {
        return new InstallEntry(Kind.FILE, path, Objects.requireNonNull(source, "source"), null, mode);
    }

    /** A directory, mode 0755. */
    public static InstallEntry directory(String path) {
        return new InstallEntry(Kind.DIRECTORY, path, null, null, 0755);
    }

    /** A symbolic link with a relative target. */
    public static InstallEntry symlink(String path, String target) {
        return new InstallEntry(Kind.SYMLINK, path, null, target, 0777);
    }

    /** The directory holding this entry. */
    public String parent() {
        return path.substring(0, Math.max(1, path.lastIndexOf('/')));
    }
}
