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
}
