package org.jsupermin.packages.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account names an rpm root's files are owned by. */
class AccountNamesTest {

    @Test
    void readsNamesAndIdsAndKnowsRootWithoutFiles(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n"
                + "apache:x:48:48:Apache:/usr/share/httpd:/sbin/nologin\nbroken:x:notanumber:1::/:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\napache:x:48:\nwheel:x:10:alice\n");
        AccountNames names = AccountNames.of(root);
        assertEquals(48, names.uid("apache"));
        assertEquals(10, names.gid("wheel"));
        assertEquals(0, names.uid("broken"), "a malformed id names no id");
        assertEquals(0, names.uid("nobody-here"));
        assertEquals(0, names.uid(null));
        assertEquals(0, AccountNames.of(root.resolve("missing")).uid("apache"));
    }

    @Test
    void aLineThatIsNotUtf8DoesNotHideTheOthers(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("etc"));
        // a full name in Latin-1, as older systems wrote them
        Files.write(root.resolve("etc/passwd"), ("root:x:0:0:root:/root:/bin/bash\n"
                + "jose:x:1000:1000:Jos\u00e9 Garc\u00eda:/home/jose:/bin/bash\n"
                + "apache:x:48:48:Apache:/usr/share/httpd:/sbin/nologin\n").getBytes(StandardCharsets.ISO_8859_1));
        Files.write(root.resolve("etc/group"), "caf\u00e9:x:2000:\napache:x:48:\n".getBytes(StandardCharsets.ISO_8859_1));
        AccountNames names = AccountNames.of(root);
        assertEquals(1000, names.uid("jose"));
        assertEquals(48, names.uid("apache"));
        assertEquals(48, names.gid("apache"));
    }
}
