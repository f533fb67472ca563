package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress bar appears only when standard error is a terminal (a pseudo-terminal made by script(1)). */
class ProgressIT {

    @TempDir
    Path tmp;

    @Test
    void aBarOnATerminalAndNothingOtherwise() throws IOException {
        Tools.requireTool("script", "/usr/bin/script", "apt-get install bsdutils");
        Path d = tmp.resolve("d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "-o", d.toString()).orFail("prepare");
        String build = Tools.LAUNCHER + " --build -f chroot " + d + " -o " + tmp.resolve("out");

        // stderr on a pseudo-terminal: carriage-return redraws of "copying files [###...] n/N"
        Path typescript = tmp.resolve("typescript");
        Tools.run("script", "-qefc", build, typescript.toString()).orFail("build under script");
        String tty = Files.readString(typescript);
        assertTrue(tty.contains("\rsupermin: copying files ["), "progress bar drawn: " + tty);
        assertTrue(tty.contains(" MiB"), tty);
        assertTrue(tty.contains("\rsupermin: resolving packages"), "the first phase is drawn: " + tty);
        assertTrue(tty.contains("\r\033[Ksupermin: built "), "the summary line in place of the bar: " + tty);

        // stderr redirected: byte-identical to a -q run (both empty: no real messages)
        Result plain = Tools.jsupermin("--build", "-f", "chroot", d.toString(), "-o", tmp.resolve("out2").toString()).orFail("plain");
        Result quiet = Tools.jsupermin("--build", "-q", "-f", "chroot", d.toString(), "-o", tmp.resolve("out3").toString()).orFail("quiet");
        assertEquals(quiet.stderr(), plain.stderr());
        assertFalse(plain.stderr().contains("\r"));

        // -q on a terminal: no bar either
        Tools.run("script", "-qefc", build + " -q", typescript.toString()).orFail("quiet build under script");
        assertFalse(Files.readString(typescript).contains("copying files"));
        assertFalse(Files.readString(typescript).contains("supermin: built"));
    }
}
