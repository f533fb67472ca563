package org.jsupermin.ext2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 200 MB tree of 20,000 files is written by a JVM limited to 96 MiB of heap, and e2fsck accepts it. */
class Ext2ImageMemoryIT {

    @TempDir
    Path tmp;

    @Test
    void streamsA200MbTreeInASmallHeap() throws Exception {
        Path image = tmp.resolve("large.img");
        String java = ProcessHandle.current().info().command().orElse("java");
        long start = System.nanoTime();
        Tools.Result r = Tools.run(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                LargeTreeMain.class.getName(), image.toString());
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(0, r.exit(), r.output());
        assertTrue(seconds < 120, "took " + seconds + " s");
        Tools.assertClean(image);
        String stat = Tools.debugfs(image, "stat /d7/file-19907");
        assertTrue(stat.contains("Size: " + LargeTreeMain.SIZE), stat);
    }
}
