package org.jsupermin.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probing many host files on two threads gives, index for index, what probing each in turn gives:
 * files, directories, symlinks (with their targets) and absent names alike.
 */
class HostProbesTest {

    @TempDir
    Path tmp;

    @Test
    void probesLandAtTheirFilesIndexWhicheverThreadMadeThem() throws Exception {
        List<Path> hosts = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            Path p = tmp.resolve("f" + i);
            switch (i % 4) {
                case 0 -> Files.writeString(p, "x".repeat(i));
                case 1 -> Files.createDirectory(p);
                case 2 -> Files.createSymbolicLink(p, Path.of("target-" + i));
                default -> {
                    // absent
                }
            }
            hosts.add(p);
        }
        HostProbes probing = new HostProbes(hosts.size() + 10);
        for (int i = 0; i < hosts.size(); i++) {
            assertEquals(i, probing.add(hosts.get(i)));
        }
        HostProbe[] probes = probing.finish();
        for (int i = 0; i < hosts.size(); i++) {
            HostProbe expected = HostProbe.of(hosts.get(i));
            HostProbe actual = probes[i];
            assertEquals(expected.outcome(), actual.outcome(), hosts.get(i).toString());
            assertEquals(expected.linkTarget(), actual.linkTarget());
            if (expected.stat() != null) {
                assertEquals(expected.stat().ino(), actual.stat().ino());
                assertEquals(expected.stat().size(), actual.stat().size());
            }
        }
        assertEquals(HostProbe.Outcome.ABSENT, probes[3].outcome());
        assertEquals("target-2", probes[2].linkTarget());
        assertTrue(probes[1].stat().isDirectory());
        assertEquals(4, probes[4].stat().size());
        assertNull(probes[hosts.size()], "nothing beyond what was listed");
    }

    @Test
    void aShortListIsProbedWithoutAHelper() throws Exception {
        Path f = Files.writeString(tmp.resolve("one"), "1");
        HostProbes probing = new HostProbes(1);
        probing.add(f);
        HostProbe[] probes = probing.finish();
        assertEquals(HostProbe.Outcome.FOUND, probes[0].outcome());
        assertEquals(1, probes[0].stat().size());
    }
}
