package org.jsupermin.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsupermin.ext2.Ext2Exception;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ext2RootImageTest {

    private static final long T = 1_700_000_000L;

    @TempDir
    Path tmp;

    /** A small appliance: every entry type, a hard-link group, a file from the host. */
    static ApplianceTree tree(Path hostFile) {
        List<TreeEntry> e = new ArrayList<>();
        e.add(TreeEntry.directory("/", 0755, T));
        e.add(TreeEntry.directory("/bin", 0755, T));
        e.add(TreeEntry.directory("/dev", 0755, T));
        e.add(TreeEntry.directory("/etc", 0755, T));
        e.add(TreeEntry.file("/bin/sh", 0755, T, 12, new ContentSource.Bytes("#!/bin/true\n".getBytes(), "test")));
        e.add(TreeEntry.file("/bin/a", 0755, T, 3, new ContentSource.Bytes("abc".getBytes(), "test"))
                .withHardLinkGroup("/bin/a"));
        e.add(TreeEntry.file("/bin/b", 0755, T, 3, new ContentSource.Bytes("abc".getBytes(), "test"))
                .withHardLinkGroup("/bin/a"));
        e.add(TreeEntry.file("/etc/host", 0644, T, 5, new ContentSource.HostFile(hostFile)));
        e.add(TreeEntry.symlink("/bin/bash", "sh", T));
        e.add(new TreeEntry("/dev/null", EntryType.CHAR_DEVICE, 0666, 0, 0, T, 0, null, null, 1, 3, null, null));
        e.add(new TreeEntry("/dev/vda", EntryType.BLOCK_DEVICE, 0660, 0, 6, T, 0, null, null, 252, 0, null, null));
        e.add(new TreeEntry("/dev/initctl", EntryType.FIFO, 0600, 0, 0, T, 0, null, null, 0, 0, null, null));
        e.add(new TreeEntry("/dev/log", EntryType.SOCKET, 0666, 0, 0, T, 0, null, null, 0, 0, null, null));
        return ApplianceTree.of(e);
    }

    @Test
    void writesTheSameImageTwice() throws Exception {
        Path host = Files.writeString(tmp.resolve("host"), "host\n");
        Ext2RootImage.write(tree(host), 16L << 20, T, tmp.resolve("a.img"));
        Ext2RootImage.write(tree(host), 16L << 20, T, tmp.resolve("b.img"));
        assertEquals(16L << 20, Files.size(tmp.resolve("a.img")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a.img")), Files.readAllBytes(tmp.resolve("b.img")));
    }

    @Test
    void aTooSmallSizeIsAnExt2Exception() throws Exception {
        Path host = Files.writeString(tmp.resolve("host"), "host\n");
        Ext2Exception e = assertThrows(Ext2Exception.class,
                () -> Ext2RootImage.write(tree(host), 64 * 1024, T, tmp.resolve("c.img")));
        assertTrue(e.getMessage().startsWith("image too small"), e.getMessage());
    }
}
