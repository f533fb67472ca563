package org.jsupermin.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

import org.jsupermin.testing.Commands;
import org.jsupermin.testing.SampleTree;
import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GNU tar, run as root, as the oracle: it extracts our archive with owners, modes, links and the binary capability. */
class TarXattrIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRoot() {
        assertEquals("0", Commands.ok("id", "-u").stdout().trim(), "TarXattrIT restores owners and capabilities: run it as root");
    }

    @Test
    void gnuTarRestoresEverything() throws Exception {
        Path tar = dir.resolve("sample.tar");
        new TarFormat().write(FormatContext.of(SampleTree.tree(dir), FormatOptions.NONE, Reporter.SILENT), tar);
        Path out = Files.createDirectory(dir.resolve("x"));
        Commands.ok("tar", "--xattrs", "--xattrs-include=*", "--numeric-owner", "-xpf", tar.toString(), "-C",
                out.toString());
        Path ping = out.resolve("usr/bin/ping");
        assertTrue(Commands.ok("getfattr", "-e", "hex", "-n", "security.capability", ping.toString()).stdout()
                .contains("security.capability=0x" + HexFormat.of().formatHex(SampleTree.CAPABILITY) + "\n"));
        assertTrue(Commands.ok("getcap", ping.toString()).stdout().contains(SampleTree.CAPABILITY_TEXT));
        assertEquals("héllo", Commands.ok("getfattr", "--only-values", "-n", "user.comment", ping.toString()).stdout());

        assertEquals(04755, mode(out.resolve("usr/bin/su")));
        assertEquals(01777, mode(out.resolve("tmp")));
        assertEquals(02775, mode(out.resolve("usr/local")));
        assertEquals(0555, mode(out.resolve("usr/share/ro")));
        assertEquals(1000, attr(out.resolve("home/user/notes"), "uid"));
        assertEquals(1000, attr(out.resolve("home/user/notes"), "gid"));
        assertEquals(3_000_000, attr(out.resolve("home/big-owner"), "uid"));
        assertEquals(SampleTree.MTIME - 5, Files.getLastModifiedTime(out.resolve("home/user/notes")).toMillis() / 1000);
        assertEquals(attr(out.resolve("usr/bin/a-link"), "ino"), attr(out.resolve("usr/bin/b-link"), "ino"));
        assertEquals("usr/bin", Files.readSymbolicLink(out.resolve("bin")).toString());
        assertEquals(SampleTree.LONG_TARGET, Files.readSymbolicLink(out.resolve("usr/lib/long-link")).toString());
        assertEquals("deep\n", Files.readString(out.resolve(SampleTree.LONG_NAME.substring(1))));
        assertEquals(Files.mismatch(dir.resolve("big.bin"), out.resolve("usr/lib/big.bin")), -1L);
        assertEquals(0020000 | 0666, attr(out.resolve("dev/null"), "mode"));
        assertEquals(0x103, attr(out.resolve("dev/null"), "rdev"));
        assertEquals(0010000 | 0600, attr(out.resolve("dev/initctl"), "mode"));
        assertFalse(Files.exists(out.resolve("dev/log"), LinkOption.NOFOLLOW_LINKS));

        String listing = Commands.ok("tar", "-tvf", tar.toString()).stdout();
        assertTrue(listing.contains("hrwxr-xr-x 0/0") && listing.contains("./usr/bin/b-link link to ./usr/bin/a-link"),
                listing);
    }

    private static int mode(Path p) throws Exception {
        return attr(p, "mode") & 07777;
    }

    private static int attr(Path p, String name) throws Exception {
        Object v = Files.getAttribute(p, "unix:" + name, LinkOption.NOFOLLOW_LINKS);
        return v instanceof Long l ? (int) (long) l : (Integer) v;
    }
}
