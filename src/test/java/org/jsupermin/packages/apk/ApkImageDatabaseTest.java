package org.jsupermin.packages.apk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.packages.ImageDatabase;
import org.jsupermin.packages.InstalledPackage;
import org.junit.jupiter.api.Test;

/** apk's database written into an image, from the fixture root. */
class ApkImageDatabaseTest {

    @Test
    void installedBlocksInTheHostsOrderAWorldNamingThemAllAndTheArchitecture() throws Exception {
        ApkDatabase db = new ApkDatabase(ApkDatabaseTest.ROOT);
        List<InstalledPackage> contained = new ArrayList<>();
        for (InstalledPackage p : db.installedPackages()) {
            if (!p.name().equals("busybox")) {
                contained.add(p);
            }
        }
        ImageDatabase image = db.imageDatabase(contained);
        List<String> paths = new ArrayList<>();
        for (ExtraEntry f : image.files()) {
            paths.add(f.path());
            assertEquals(0644, f.mode());
        }
        assertEquals(List.of("/etc/apk/arch", "/etc/apk/world", "/lib/apk/db/installed"), paths);
        String host = Files.readString(ApkDatabaseTest.ROOT.resolve("lib/apk/db/installed"));
        String[] blocks = host.split("\n\n");
        assertEquals(blocks[0] + "\n\n" + blocks[2] + "\n\n", text(image.files().get(2)), "musl, then hello, as the host");
        assertEquals(host.substring(0, host.length() - 2), host.stripTrailing(), "the fixture ends each block with a blank line, as apk writes it");
        assertEquals("hello\nmusl\n", text(image.files().get(1)));
        assertEquals(List.of("/etc/apk", "/lib/apk/db"), image.directories());
    }

    private static String text(ExtraEntry f) {
        return new String(f.content(), StandardCharsets.UTF_8);
    }
}
