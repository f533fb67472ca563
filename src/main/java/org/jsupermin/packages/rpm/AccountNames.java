package org.jsupermin.packages.rpm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.jsupermin.util.FileNames;

/** User and group names of a root, from its /etc/passwd and /etc/group; unknown names are 0. */
public final class AccountNames {

    private final Map<String, Integer> users;
    private final Map<String, Integer> groups;

    private AccountNames(Map<String, Integer> users, Map<String, Integer> groups) {
        this.users = users;
        this.groups = groups;
    }

    /** Reads the root's account files; missing or unreadable files give "root" = 0 only. */
    public static AccountNames of(Path root) {
        return new AccountNames(read(root.resolve("etc/passwd")), read(root.resolve("etc/group")));
    }

    /** The uid of {@code name}, 0 when unknown. */
    public int uid(String name) {
        return name == null ? 0 : users.getOrDefault(name, 0);
    }

    /** The gid of {@code name}, 0 when unknown. */
    public int gid(String name) {
        return name == null ? 0 : groups.getOrDefault(name, 0);
    }

    private static Map<String, Integer> read(Path file) {
        Map<String, Integer> ids = new HashMap<>();
        ids.put("root", 0);
        String text;
        try {
            // bytes that are not UTF-8 (a Latin-1 full name) are kept as escapes: the names and
            // ids of every other line still count
            text = FileNames.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            return ids;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && !f[0].isEmpty()) {
                try {
                    ids.putIfAbsent(f[0], Integer.parseInt(f[2].trim()));
                } catch (NumberFormatException e) {
                    // a malformed line names no id; the name stays unknown
                }
            }
        }
        return ids;
    }
}
