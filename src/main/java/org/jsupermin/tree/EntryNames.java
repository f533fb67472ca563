package org.jsupermin.tree;

import org.jsupermin.util.FileNames;

/**
 * The names every output can hold, checked once for all formats: components of at most 255
 * bytes (the limit of ext2, of Linux file systems and of what tar can extract), paths and link
 * targets of at most 4095 bytes (PATH_MAX with its NUL), no NUL byte, and no empty, "." or ".."
 * component in a path.
 */
final class EntryNames {

    static final int MAX_COMPONENT = 255;
    static final int MAX_PATH = 4095;

    private EntryNames() {
    }

    /** Why {@code path} (absolute) cannot be an appliance path, or null when it can. */
    static String problem(String path) {
        int n = path.length();
        if (n == 0 || path.charAt(0) != '/') {
            return "it is not an absolute path";
        }
        if (n == 1) {
            return null;
        }
        int bytes = 0;
        int start = 1;
        for (int i = 1; i <= n; i++) {
            if (i < n && path.charAt(i) != '/') {
                if (path.charAt(i) == 0) {
                    return "it holds a NUL byte";
                }
                continue;
            }
            int len = i - start;
            if (len == 0 || (path.charAt(start) == '.' && (len == 1 || (len == 2 && path.charAt(start + 1) == '.')))) {
                return "it has an empty, '.' or '..' component";
            }
            int componentBytes = FileNames.byteLength(path, start, i);
            if (componentBytes > MAX_COMPONENT) {
                return "a component is " + componentBytes + " bytes long (at most " + MAX_COMPONENT + ")";
            }
            bytes += componentBytes + 1;
            if (bytes > MAX_PATH) {
                return "it is longer than " + MAX_PATH + " bytes";
            }
            start = i + 1;
        }
        return null;
    }

    /** Why {@code target} cannot be a symlink's target, or null when it can. */
    static String targetProblem(String target) {
        if (target == null || target.isEmpty()) {
            return "its target is empty";
        }
        if (target.indexOf(0) >= 0) {
            return "its target holds a NUL byte";
        }
        if (FileNames.byteLength(target, 0, target.length()) > MAX_PATH) {
            return "its target is longer than " + MAX_PATH + " bytes";
        }
        return null;
    }

    /** A path or target as a message shows it: control characters and bytes escaped, at most 80 characters. */
    static String shown(String path) {
        return FileNames.printable(path, 80);
    }
}
