package org.jsupermin.format;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jsupermin.ext2.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An appliance tree written as an ext2 image passes e2fsck and reads back through debugfs. */
class Ext2RootImageIT {

    @TempDir
    Path tmp;

    @Test
    void writesAnImageE2fsckAccepts() throws Exception {
        Path host = Files.writeString(tmp.resolve("host"), "host\n");
        Path image = tmp.resolve("root.img");
        Ext2RootImage.write(Ext2RootImageTest.tree(host), 32L << 20, 1_700_000_000L, image);
        Tools.assertClean(image);
        assertTrue(Tools.debugfs(image, "stat /bin/b").contains("Links: 2"));
        assertTrue(Tools.debugfs(image, "cat /etc/host").contains("host\n"));
        assertTrue(Tools.debugfs(image, "cat /bin/a").contains("abc"));
        assertTrue(Tools.debugfs(image, "stat /dev/vda").contains("Device major/minor number: 252:00"));
        assertTrue(Tools.debugfs(image, "stat /dev/log").contains("Type: socket"));
        assertTrue(Tools.debugfs(image, "stat /bin/bash").contains("Fast link dest: \"sh\""));
    }
}
