package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real program in a real pseudo-terminal: tmux windows 60, 80 and 200 columns wide, each
 * byte the program draws recorded with pipe-pane and the final screen read with capture-pane.
 * No drawn line may be wider than the window, the screen ends with exactly one summary line, and
 * nothing of the progress line reaches a pipe.
 */
class TerminalIT {

    private static final String TMUX = "/usr/bin/tmux";

    @TempDir
    Path tmp;
    private Path appliance;

    @BeforeEach
    void prepare() {
        Tools.requireTool("tmux", TMUX, "apt-get install tmux");
        appliance = tmp.resolve("d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "-o", appliance.toString()).orFail("prepare");
    }

    /** What a command did in a tmux window {@code columns} wide: every byte it wrote, and the screen it left. */
    private record Window(String raw, List<String> screen) {
    }

    /**
     * Runs {@code command} (a shell command line) in a window of a tmux server of its own,
     * recording from before the command starts, until it has printed its exit status.
     */
    private Window inTmux(int columns, String command) throws IOException, InterruptedException {
        Path socket = tmp.resolve("tmux-" + columns + "-" + System.nanoTime() + ".sock");
        Path go = tmp.resolve("go-" + columns);
        Path raw = tmp.resolve("raw-" + columns + "-" + System.nanoTime());
        Files.deleteIfExists(go);
        String script = "while [ ! -e " + go + " ]; do sleep 0.05; done; " + command + "; echo EXIT=$?; exec sleep 600";
        Tools.run(TMUX, "-S", socket.toString(), "-f", "/dev/null", "new-session", "-d", "-x", Integer.toString(columns),
                "-y", "40", "sh", "-c", script).orFail("tmux new-session");
        try {
            Tools.run(TMUX, "-S", socket.toString(), "pipe-pane", "-o", "cat >> " + raw).orFail("tmux pipe-pane");
            Files.createFile(go);
            List<String> screen = List.of();
            for (int i = 0; i < 1200; i++) {
                Thread.sleep(100);
                screen = capture(socket);
                if (screen.stream().anyMatch(l -> l.startsWith("EXIT="))) {
                    break;
                }
            }
            Thread.sleep(200); // pipe-pane's cat writes what it has read
            return new Window(Files.exists(raw) ? Files.readString(raw, StandardCharsets.ISO_8859_1) : "", screen);
        } finally {
            Tools.run(TMUX, "-S", socket.toString(), "kill-server");
        }
    }

    /** The visible lines, wrapped lines joined (a line wider than the window shows as one long line). */
    private static List<String> capture(Path socket) {
        String text = Tools.run(TMUX, "-S", socket.toString(), "capture-pane", "-p", "-J").orFail("capture-pane").stdout();
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                lines.add(l.stripTrailing());
            }
        }
        return lines;
    }

    /** The text of each redraw and line in a terminal byte stream: split at CR and LF, escape sequences removed. */
    private static List<String> drawnLines(String raw) {
        List<String> lines = new ArrayList<>();
        for (String part : raw.split("[\r\n]")) {
            String text = part.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replaceAll("\u001b[()][A-Za-z0-9]", "");
            if (!text.isEmpty()) {
                lines.add(text);
            }
        }
        return lines;
    }

    @Test
    void theProgressLineFitsEachWidthAndTheBuildEndsWithOneSummaryLine() throws Exception {
        for (int columns : List.of(60, 80, 200)) {
            Path out = tmp.resolve("out-" + columns);
            Window w = inTmux(columns, Tools.LAUNCHER + " --build -f chroot " + appliance + " -o " + out);
            assertTrue(w.screen().contains("EXIT=0"), columns + " columns: " + w.screen());
            List<String> drawn = drawnLines(w.raw());
            assertTrue(drawn.stream().anyMatch(l -> l.startsWith("supermin: copying files [")),
                    columns + " columns, the copying phase is drawn: " + drawn);
            assertTrue(drawn.stream().anyMatch(l -> l.startsWith("supermin: resolving packages")),
                    columns + " columns, the first phase is drawn: " + drawn);
            for (String line : drawn) {
                assertTrue(line.length() <= columns, columns + " columns, drawn line of " + line.length() + ": " + line);
            }
            List<String> mine = w.screen().stream().filter(l -> l.startsWith("supermin:")).toList();
            assertEquals(1, mine.size(), columns + " columns, final screen: " + w.screen());
            assertTrue(mine.get(0).startsWith("supermin: built "), mine.get(0));
            assertTrue(mine.get(0).contains(" packages"), mine.get(0));
            for (String line : w.screen()) {
                assertTrue(line.length() <= columns, columns + " columns, screen line: " + line);
                assertFalse(line.contains("[#") || line.contains("left"), "a remnant of the bar: " + line);
            }
        }
    }

    @Test
    void quietOnATerminalDrawsNothing() throws Exception {
        Window w = inTmux(80, Tools.LAUNCHER + " --build -q -f chroot " + appliance + " -o " + tmp.resolve("q"));
        assertTrue(w.screen().contains("EXIT=0"), w.screen().toString());
        assertFalse(w.raw().contains("supermin:"), w.raw());
    }

    @Test
    void nothingOfTheBarReachesAPipe() {
        Result chroot = Tools.jsupermin("--build", "-f", "chroot", appliance.toString(), "-o", tmp.resolve("p").toString())
                .orFail("build to a pipe");
        assertEquals("", chroot.stderr());
        assertEquals("", chroot.stdout());
        Result tar = Tools.jsupermin("--build", "-f", "tar", appliance.toString(), "-o", "-").orFail("tar to a pipe");
        // (bash and coreutils make a container image without /bin/sh or accounts, which one warning says)
        assertEquals(List.of(), tar.stderr().lines().filter(l -> !l.startsWith("supermin: warning: the image has no /bin/sh"))
                .toList());
        assertEquals("ustar", tar.stdout().substring(257, 262), "standard output is the archive");
    }

    @Test
    void aTarArchiveIsNotWrittenToATerminal() throws Exception {
        Window w = inTmux(80, Tools.LAUNCHER + " --build -f tar " + appliance + " -o -");
        assertTrue(w.screen().contains("EXIT=1"), w.screen().toString());
        List<String> mine = w.screen().stream().filter(l -> l.startsWith("supermin:")).toList();
        assertEquals(1, mine.size(), w.screen().toString());
        assertTrue(mine.get(0).startsWith("supermin: refusing to write a tar archive to a terminal"), mine.get(0));
        assertFalse(w.raw().contains("ustar"), "no archive bytes reached the terminal");
    }
}
