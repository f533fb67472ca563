package org.jsupermin.packages.dpkg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.util.TextLines;
import org.jsupermin.util.IoErrors;

/**
 * The account files base-passwd's maintainer script makes: /etc/passwd and /etc/group copied from
 * the root's master files, and /etc/shadow and /etc/gshadow with locked passwords.
 */
final class AccountFiles {

    /** The gid of group "shadow" in base-passwd's master group file. */
    static final int SHADOW_GID = 42;

    private final Path root;
    private final long days;

    /** {@code sourceDateEpoch} in seconds gives the "last password change" day of /etc/shadow. */
    AccountFiles(Path root, long sourceDateEpoch) {
        this.root = root;
        this.days = sourceDateEpoch / 86400;
    }

    /** /etc/group, /etc/gshadow, /etc/passwd, /etc/shadow, in path order. */
    List<ExtraEntry> entries() throws PackageDatabaseException {
        byte[] passwd = readMaster("passwd.master");
        byte[] group = readMaster("group.master");
        StringBuilder shadow = new StringBuilder();
        for (String name : names(passwd)) {
            shadow.append(name).append(":*:").append(days).append(":0:99999:7:::\n");
        }
        StringBuilder gshadow = new StringBuilder();
        for (String name : names(group)) {
            gshadow.append(name).append(":*::\n");
        }
        return List.of(
                ExtraEntry.file("/etc/group", group, 0644, 0),
                ExtraEntry.file("/etc/gshadow", gshadow.toString().getBytes(StandardCharsets.UTF_8), 0640, SHADOW_GID),
                ExtraEntry.file("/etc/passwd", passwd, 0644, 0),
                ExtraEntry.file("/etc/shadow", shadow.toString().getBytes(StandardCharsets.UTF_8), 0640, SHADOW_GID));
    }

    private byte[] readMaster(String name) throws PackageDatabaseException {
        Path file = root.resolve("usr/share/base-passwd").resolve(name);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + file + " (base-passwd's master copy): "
                    + IoErrors.describe(e), e);
        }
    }

    /** The first field of every non-empty line. */
    private static List<String> names(byte[] master) {
        List<String> names = new ArrayList<>();
        for (String l : TextLines.of(new String(master, StandardCharsets.UTF_8))) {
            if (!l.isBlank() && !l.startsWith("#")) {
                names.add(l.split(":", 2)[0]);
            }
        }
        return names;
    }
}
