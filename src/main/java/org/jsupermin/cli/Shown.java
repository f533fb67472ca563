package org.jsupermin.cli;

import org.jsupermin.util.FileNames;

/** Text from outside (paths, names) as a message shows it: control characters escaped, at most 80 characters. */
final class Shown {

    static final int MAX = 80;

    private Shown() {
    }

    static String of(String text) {
        return FileNames.printable(text, MAX);
    }

    /**
     * A file's path as a message shows it: escaped like {@link #of}, and when longer than
     * {@link #MAX} characters its start and its end (the name) around "…", so a line stays short
     * whatever the path.
     */
    static String path(String path) {
        if (path == null || path.length() <= MAX) {
            return path == null ? null : of(path);
        }
        return FileNames.printable(path.substring(0, 30), 30) + "…"
                + FileNames.printable(path.substring(path.length() - (MAX - 30)), MAX);
    }
}
