package org.jsupermin.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.packages.ImageDatabase;
import org.junit.jupiter.api.Test;

/** Adding a package database to an assembled tree. */
class ImageDatabaseEntriesTest {

    private static final long EPOCH = 1_700_000_000L;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ApplianceTree tree(TreeEntry... extra) {
        List<TreeEntry> entries = new ArrayList<>(List.of(TreeEntry.directory("/", 0755, 5),
                TreeEntry.directory("/usr", 0755, 5), TreeEntry.directory("/usr/lib", 0700, 5),
                TreeEntry.symlink("/lib", "usr/lib", 5)));
        entries.addAll(List.of(extra));
        return ApplianceTree.of(entries);
    }

    @Test
    void filesAndDirectoriesAreAddedRootOwnedWithTheirParentsAtTheEpoch() throws Exception {
        ImageDatabase db = new ImageDatabase(List.of("/var/lib/dpkg/updates"),
                List.of(ExtraEntry.file("/var/lib/dpkg/status", bytes("Package: a\n"), 0644, 0),
                        ExtraEntry.file("/var/lib/dpkg/info/a.postinst", bytes("#!/bin/sh\n"), 0755, 0)), "");
        ApplianceTree t = ImageDatabaseEntries.add(tree(), db, EPOCH);
        for (String dir : List.of("/var", "/var/lib", "/var/lib/dpkg", "/var/lib/dpkg/updates", "/var/lib/dpkg/info")) {
            TreeEntry e = t.get(dir);
            assertEquals(EntryType.DIRECTORY, e.type(), dir);
            assertEquals(0755, e.mode());
            assertEquals(EPOCH, e.mtime());
        }
        TreeEntry status = t.get("/var/lib/dpkg/status");
        assertEquals(0644, status.mode());
        assertEquals(0, status.uid() + status.gid());
        assertEquals(EPOCH, status.mtime());
        assertEquals(11, status.size());
        assertArrayEquals(bytes("Package: a\n"), status.source().open().readAllBytes());
        assertEquals(0755, t.get("/var/lib/dpkg/info/a.postinst").mode());
        assertEquals(0700, t.get("/usr/lib").mode(), "what the tree had stays as it was");
    }

    @Test
    void pathsGoThroughTheTreesSymlinks() throws Exception {
        ImageDatabase db = new ImageDatabase(List.of("/lib/apk/db"),
                List.of(ExtraEntry.file("/lib/apk/db/installed", bytes("P:musl\n"), 0644, 0)), "");
        ApplianceTree t = ImageDatabaseEntries.add(tree(), db, EPOCH);
        assertEquals(EntryType.SYMLINK, t.get("/lib").type());
        assertNull(t.get("/lib/apk"));
        assertEquals(EntryType.FILE, t.get("/usr/lib/apk/db/installed").type());
    }

    @Test
    void aFileReplacesWhatTheTreeHadThereButNotADirectory() throws Exception {
        ApplianceTree withFile = tree(TreeEntry.directory("/etc", 0755, 5),
                TreeEntry.symlink("/etc/world", "elsewhere", 5));
        ImageDatabase db = new ImageDatabase(List.of(), List.of(ExtraEntry.file("/etc/world", bytes("x\n"), 0644, 0)), "");
        assertEquals(EntryType.FILE, ImageDatabaseEntries.add(withFile, db, EPOCH).get("/etc/world").type());
        ApplianceTree withDir = tree(TreeEntry.directory("/etc", 0755, 5), TreeEntry.directory("/etc/world", 0755, 5));
        TreeException e = assertThrows(TreeException.class, () -> ImageDatabaseEntries.add(withDir, db, EPOCH));
        assertEquals("cannot write the package database's /etc/world into the image: /etc/world is a directory there;"
                + " leave the database out with --no-package-db", e.getMessage());
        ApplianceTree fileOnTheWay = tree(TreeEntry.file("/var", 0644, 5, 0, null));
        ImageDatabase dpkg = new ImageDatabase(List.of("/var/lib/dpkg"), List.of(), "");
        assertTrue(assertThrows(TreeException.class, () -> ImageDatabaseEntries.add(fileOnTheWay, dpkg, EPOCH))
                .getMessage().startsWith("cannot write the package database's /var/lib/dpkg into the image"));
    }

    @Test
    void noDatabaseLeavesTheTreeAsItWas() throws Exception {
        ApplianceTree t = tree();
        assertSame(t, ImageDatabaseEntries.add(t, ImageDatabase.none("no database"), EPOCH));
    }
}
