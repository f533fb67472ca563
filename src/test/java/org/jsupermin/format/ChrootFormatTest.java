package org.jsupermin.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsupermin.testing.SampleTree;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ChrootFormat on the unprivileged path (no chown, no device nodes, no security.* attributes). */
class ChrootFormatTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    FormatContext context(ApplianceTree tree) {
        Reporter r = new Reporter() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        return FormatContext.of(tree, FormatOptions.NONE, r);
    }

    @Test
    void neverWritesThroughASymlinkPlantedWhereTheOutputGoes() throws Exception {
        Path canary = Files.createDirectory(dir.resolve("canary"));
        Path out = dir.resolve("chroot");
        Files.createSymbolicLink(out, canary);
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> new ChrootFormat(false).write(context(SampleTree.tree(dir)), out));
        try (var s = Files.list(canary)) {
            assertEquals(0, s.count(), "nothing written through the link");
        }
    }

    @Test
    void writesEveryEntryTypeWithModesLinksAndTimes() throws Exception {
        Path out = dir.resolve("chroot");
        new ChrootFormat(false).write(context(SampleTree.tree(dir)), out);

        assertEquals(0755, mode(out));
        assertEquals("usr/bin", Files.readSymbolicLink(out.resolve("bin")).toString());
        assertEquals(SampleTree.LONG_TARGET, Files.readSymbolicLink(out.resolve("usr/lib/long-link")).toString());
        assertEquals(04755, mode(out.resolve("usr/bin/su")));
        assertEquals("#!/bin/sh\necho su\n", Files.readString(out.resolve("usr/bin/su")));
        assertEquals(01777, mode(out.resolve("tmp")));
        assertEquals(02775, mode(out.resolve("usr/local")));
        assertEquals(0700, mode(out.resolve("home/user")));
        assertEquals(0600, mode(out.resolve("home/user/notes")));
        assertEquals(attr(out.resolve("usr/bin/a-link"), "ino"), attr(out.resolve("usr/bin/b-link"), "ino"));
        assertEquals(2, attr(out.resolve("usr/bin/a-link"), "nlink"));
        assertEquals(-1L, Files.mismatch(dir.resolve("big.bin"), out.resolve("usr/lib/big.bin")));
        assertEquals("deep\n", Files.readString(out.resolve(SampleTree.LONG_NAME.substring(1))));
        assertEquals("non-ASCII name\n", Files.readString(out.resolve(SampleTree.ODD_NAME.substring(1))));
        assertEquals(0010000 | 0600, attr(out.resolve("dev/initctl"), "mode"), "a FIFO");

        // the read-only directory got its content first, then its mode and mtime
        assertEquals(0555, mode(out.resolve("usr/share/ro")));
        assertEquals("read-only dir content\n", Files.readString(out.resolve("usr/share/ro/inside")));
        assertEquals(0444, mode(out.resolve("usr/share/ro/inside")));
        assertEquals(SampleTree.MTIME - 100, mtime(out.resolve("usr/share/ro")));
        assertEquals(SampleTree.MTIME - 5, mtime(out.resolve("home/user/notes")));
        for (String d : List.of("", "usr", "usr/bin", "dev", "etc", "tmp")) {
            assertEquals(SampleTree.MTIME, mtime(out.resolve(d)), "/" + d);
        }
        assertEquals(SampleTree.MTIME, Files.getLastModifiedTime(out.resolve("bin"), LinkOption.NOFOLLOW_LINKS)
                .toMillis() / 1000, "symlink's own mtime");

        UserDefinedFileAttributeView view = Files.getFileAttributeView(out.resolve("usr/bin/ping"),
                UserDefinedFileAttributeView.class);
        ByteBuffer buf = ByteBuffer.allocate(64);
        view.read("comment", buf);
        assertEquals("héllo", new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));
        buf.clear();
        Files.getFileAttributeView(out.resolve(SampleTree.ODD_NAME.substring(1)), UserDefinedFileAttributeView.class)
                .read("origin", buf);
        assertEquals("= odd\\value", new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));

        assertFalse(Files.exists(out.resolve("dev/null"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(out.resolve("dev/log"), LinkOption.NOFOLLOW_LINKS));
        String all = String.join("\n", warnings);
        assertTrue(all.contains("/dev/null") && all.contains("/dev/sda") && all.contains("/dev/log"), all);
        assertTrue(all.contains("security.capability"), all);
    }

    @Test
    void hostFileThatChangedSizeIsNamed() throws Exception {
        Path host = dir.resolve("grew");
        Files.writeString(host, "longer than declared");
        ApplianceTree tree = ApplianceTree.of(List.of(TreeEntry.directory("/", 0755, 0),
                TreeEntry.file("/grew", 0644, 0, 4, new ContentSource.HostFile(host))));
        FormatException e = assertThrows(FormatException.class,
                () -> new ChrootFormat(false).write(context(tree), dir.resolve("c")));
        assertTrue(e.getMessage().contains(host.toString()) && e.getMessage().contains("copied 20"), e.getMessage());
    }

    @Test
    void existingStagingPathIsRefused() throws Exception {
        Files.createDirectory(dir.resolve("exists"));
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> new ChrootFormat(false).write(context(SampleTree.tree(dir)), dir.resolve("exists")));
    }

    static int mode(Path p) throws Exception {
        return attr(p, "mode") & 07777;
    }

    static long mtime(Path p) throws Exception {
        return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000;
    }

    static int attr(Path p, String name) throws Exception {
        Object v = Files.getAttribute(p, "unix:" + name, LinkOption.NOFOLLOW_LINKS);
        return v instanceof Long l ? (int) (long) l : (Integer) v;
    }
}
