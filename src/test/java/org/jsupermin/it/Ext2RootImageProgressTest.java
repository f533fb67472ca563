package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsupermin.format.Ext2RootImage;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ext2RootImage reports one phase with a step per regular file; a host file whose size changed is an error. */
class Ext2RootImageProgressTest {

    @TempDir
    Path tmp;

    @Test
    void reportsEveryFileAndItsBytes() throws Exception {
        Path host = tmp.resolve("host.bin");
        byte[] hostBytes = new byte[3 * 4096 + 17];
        for (int i = 0; i < hostBytes.length; i++) {
            hostBytes[i] = (byte) (i * 31 + 7);
        }
        Files.write(host, hostBytes);
        byte[] memory = "in memory\n".getBytes(StandardCharsets.UTF_8);
        ApplianceTree tree = ApplianceTree.of(List.of(
                TreeEntry.directory("/", 0755, 0),
                TreeEntry.directory("/etc", 0755, 0),
                TreeEntry.file("/etc/a", 0644, 0, memory.length, new ContentSource.Bytes(memory, "a")),
                TreeEntry.file("/etc/b", 0644, 0, hostBytes.length, new ContentSource.HostFile(host)),
                TreeEntry.file("/etc/empty", 0644, 0, 0, new ContentSource.Bytes(new byte[0], "empty"))));
        List<String> events = new ArrayList<>();
        Reporter reporter = new Reporter() {
            @Override
            public void begin(String phase, long total) {
                events.add("begin " + phase + " " + total);
            }

            @Override
            public void progress(long done, long bytes) {
                events.add(done + " " + bytes);
            }

            @Override
            public void end() {
                events.add("end");
            }
        };
        Path image = tmp.resolve("root");
        Ext2RootImage.write(tree, 64L << 20, 0, image, reporter);
        long total = memory.length + hostBytes.length;
        assertEquals("begin " + Ext2RootImage.PHASE + " 3", events.get(0));
        assertEquals("end", events.get(events.size() - 1));
        assertEquals("3 " + total, events.get(events.size() - 2));
        assertEquals(5, events.size(), events.toString());
        assertEquals(64L << 20, Files.size(image));
    }

    @Test
    void hostFileThatChangedSizeIsAnError() throws IOException {
        Path host = tmp.resolve("grown");
        Files.writeString(host, "longer than recorded");
        ApplianceTree tree = ApplianceTree.of(List.of(TreeEntry.directory("/", 0755, 0),
                TreeEntry.file("/grown", 0644, 0, 4, new ContentSource.HostFile(host))));
        Exception e = assertThrows(Exception.class,
                () -> Ext2RootImage.write(tree, 64L << 20, 0, tmp.resolve("root")));
        assertTrue(e.getMessage().contains("/grown") && e.getMessage().contains("change"),
                e.getMessage());
    }
}
