package org.jsupermin.util;

import java.util.ArrayDeque;
import java.util.Deque;

/** Absolute paths as strings (appliance paths, package file lists), not as host {@code Path}s. */
public final class AbsolutePaths {

    private AbsolutePaths() {
    }

    /** Makes a path absolute and removes ".", ".." and repeated slashes (".." stops at "/"). */
    public static String normalize(String path) {
        if (isNormal(path)) {
            return path;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String c : path.split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(c);
            }
        }
        if (parts.isEmpty()) {
            return "/";
        }
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            b.append('/').append(p);
        }
        return b.toString();
    }

    /** The parent directory of the normal path {@code path}; null for "/". */
    public static String parent(String path) {
        if (path.equals("/")) {
            return null;
        }
        int i = path.lastIndexOf('/');
        return i == 0 ? "/" : path.substring(0, i);
    }

    /**
     * Whether {@code path} is already in normal form: absolute, every component non-empty and
     * neither "." nor "..", no trailing slash ("/" itself is normal). Package lists hold such paths.
     */
    private static boolean isNormal(String path) {
        int n = path.length();
        if (n == 0 || path.charAt(0) != '/') {
            return false;
        }
        if (n == 1) {
            return true;
        }
        int start = 1;
        for (int i = 1; i <= n; i++) {
            if (i == n || path.charAt(i) == '/') {
                int len = i - start;
                if (len == 0 || (path.charAt(start) == '.' && (len == 1 || (len == 2 && path.charAt(start + 1) == '.')))) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }
}
