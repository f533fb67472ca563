package org.jsupermin.format;

import static org.jsupermin.format.ChrootFormatTest.attr;
import static org.jsupermin.format.ChrootFormatTest.mode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

import org.jsupermin.testing.Commands;
import org.jsupermin.testing.SampleTree;
import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ChrootFormat as root: owners, device nodes and the binary capability, checked with getfattr and getcap. */
class ChrootFormatIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRoot() {
        assertEquals("0", Commands.ok("id", "-u").stdout().trim(), "ChrootFormatIT sets owners and devices: run it as root");
        Commands.requireTool("setfattr");
    }

    @Test
    void rootRestoresOwnersDevicesAndCapabilities() throws Exception {
        Path out = dir.resolve("chroot");
        new ChrootFormat().write(FormatContext.of(SampleTree.tree(dir), FormatOptions.NONE, Reporter.SILENT), out);
        assertEquals(1000, attr(out.resolve("home/user"), "uid"));
        assertEquals(1000, attr(out.resolve("home/user/notes"), "gid"));
        assertEquals(3_000_000, attr(out.resolve("home/big-owner"), "uid"));
        assertEquals(3_000_001, attr(out.resolve("home/big-owner"), "gid"));
        assertEquals(50, attr(out.resolve("usr/local"), "gid"));
        assertEquals(02775, mode(out.resolve("usr/local")));
        assertEquals(04755, mode(out.resolve("usr/bin/su")), "setuid survives chown");
        assertEquals(0020000 | 0666, attr(out.resolve("dev/null"), "mode"));
        assertEquals(0x103, attr(out.resolve("dev/null"), "rdev"));
        assertEquals(0060000 | 0660, attr(out.resolve("dev/sda"), "mode"));
        assertEquals(0x800, attr(out.resolve("dev/sda"), "rdev"));
        assertEquals(SampleTree.MTIME, ChrootFormatTest.mtime(out.resolve("dev/null")));
        assertEquals(SampleTree.MTIME, ChrootFormatTest.mtime(out.resolve("dev")), "directory mtime after mknod");

        Path ping = out.resolve("usr/bin/ping");
        assertTrue(Commands.ok("getfattr", "-e", "hex", "-n", "security.capability", ping.toString()).stdout()
                .contains("security.capability=0x" + HexFormat.of().formatHex(SampleTree.CAPABILITY) + "\n"));
        assertTrue(Commands.ok("getcap", ping.toString()).stdout().contains(SampleTree.CAPABILITY_TEXT));
        assertEquals("héllo", Commands.ok("getfattr", "--only-values", "-n", "user.comment", ping.toString()).stdout());
        assertEquals("= odd\\value", Commands.ok("getfattr", "--only-values", "-n", "user.origin",
                out.resolve(SampleTree.ODD_NAME.substring(1)).toString()).stdout());
    }
}
