package org.jsupermin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The progress line and the summary fit any width, and say most at the widths people use. */
class ProgressBarTest {

    @Test
    void aLineNeverExceedsTheWidthItIsGiven() {
        for (int max = 0; max <= 200; max++) {
            for (String phase : List.of("copying files", "resolving packages", "writing root image")) {
                String[] lines = {
                    ProgressBar.line(phase, 4729, 5105, 200_000_000L, 210_000_000L, 32_000_000, 6.2, 12, max),
                    ProgressBar.line(phase, 0, -1, 0, -1, -1, 0.4, -1, max),
                    ProgressBar.line(phase, 12, -1, 5_000_000L, -1, -1, 0.4, -1, max),
                };
                for (String line : lines) {
                    assertTrue(line.length() <= max, max + ": " + line);
                }
            }
        }
    }

    @Test
    void eightyColumnsShowTheBarCountsSizeAndTimeLeftAndWiderOnesTheRate() {
        String line = ProgressBar.line("copying files", 4729, 5105, 200_000_000L, 210_000_000L, 32_000_000, 6.2, 12, 79);
        assertTrue(line.startsWith("supermin: copying files [###"), line);
        assertTrue(line.contains("]  4729/5105  190.7 MiB  0:12 left"), line);
        String wide = ProgressBar.line("copying files", 4729, 5105, 200_000_000L, 210_000_000L, 32_000_000, 6.2, 12, 119);
        assertTrue(wide.contains("]  4729/5105  190.7 MiB  30.5 MiB/s  0:12 left"), wide);
        assertTrue(wide.contains("[" + "#".repeat(27) + "   ]"), wide);
    }

    @Test
    void narrowTerminalsKeepThePhaseTheBarAndTheTimeLeft() {
        String line = ProgressBar.line("copying files", 4729, 5105, 200_000_000L, 210_000_000L, 32_000_000, 6.2, 12, 59);
        assertTrue(line.startsWith("supermin: copying files ["), line);
        assertTrue(line.endsWith("0:12 left"), line);
        assertFalse(line.contains("MiB/s"), line);
    }

    @Test
    void theBarKeepsItsWidthAsTheRateAndTheEstimateAppear() {
        for (int max : List.of(59, 79, 119, 199)) {
            String early = ProgressBar.line("copying files", 1, 5105, 10_000L, 210_000_000L, -1, 0.1, -1, max);
            String late = ProgressBar.line("copying files", 4729, 5105, 200_000_000L, 210_000_000L, 32_000_000, 6.2, 12, max);
            assertEquals(early.indexOf(']'), late.indexOf(']'), early + "\n" + late);
        }
    }

    @Test
    void noEstimateBeforeTwoSecondsAndFivePercentThenFromBytesAtTheRecentRate() {
        // a 5 s job's first second: many small files done, few bytes: nothing said yet
        assertEquals(-1, ProgressBar.secondsLeft(1.0, 2000, 5000, 5_000_000L, 200_000_000L, 5_000_000));
        assertEquals(-1, ProgressBar.secondsLeft(2.5, 100, 5000, 4_000_000L, 200_000_000L, 1_600_000));
        // past 2 s and 5 %: what is left at the rate of the last seconds, not the files' share
        assertEquals(2.5, ProgressBar.secondsLeft(2.5, 4000, 5000, 100_000_000L, 200_000_000L, 40_000_000), 1e-9);
        // without bytes to go by, from the units done so far
        assertEquals(3.0, ProgressBar.secondsLeft(3.0, 50, 100, 0, -1, -1), 1e-9);
        assertEquals(-1, ProgressBar.secondsLeft(9.0, 100, 100, 0, -1, -1), "nothing left to estimate");
    }

    @Test
    void aPhaseWithoutCountsShowsItsElapsedTime() {
        assertEquals("supermin: resolving packages  1.5 s", ProgressBar.line("resolving packages", 0, -1, 0, -1, -1, 1.5, -1, 79));
    }

    @Test
    void theSummaryTakesTheLongestFormThatFits() {
        List<String> subjects = List.of("built /tmp/a/rootfs (chroot) in 4.2 s", "built /tmp/a/rootfs in 4.2 s",
                "built rootfs in 4.2 s");
        List<String> facts = List.of("41 packages", "5105 files", "191.2 MiB");
        assertEquals("supermin: built /tmp/a/rootfs (chroot) in 4.2 s: 41 packages, 5105 files, 191.2 MiB",
                ProgressBar.summaryLine(subjects, facts, 199));
        assertEquals("supermin: built rootfs in 4.2 s: 41 packages, 5105 files, 191.2 MiB",
                ProgressBar.summaryLine(subjects, facts, 69));
        assertEquals("supermin: built rootfs in 4.2 s: 41 packages, 5105 files",
                ProgressBar.summaryLine(subjects, facts, 59));
        for (int max = 0; max < 120; max++) {
            assertTrue(ProgressBar.summaryLine(subjects, facts, max).length() <= max);
        }
    }

    @Test
    void drawsNarrowlyUntilTheWidthIsKnownAndErasesItsLineBeforeMessages() {
        StringWriter out = new StringWriter();
        Console console = new Console(new PrintWriter(out), new PrintWriter(out), 0, false, TerminalWidth.fixed(0));
        console.begin("copying files", 5000, -1);
        console.progress(4000, 100_000_000L);
        String first = out.toString().replace("\033[K", "");
        assertTrue(first.startsWith("\rsupermin: copying files"), first);
        for (String draw : first.split("\r")) {
            assertTrue(draw.length() < ProgressBar.PROVISIONAL_COLUMNS, draw);
        }

        StringWriter drawn = new StringWriter();
        Console c = new Console(new PrintWriter(drawn), new PrintWriter(drawn), 0, false, TerminalWidth.fixed(60));
        c.begin("copying files", 10, 1000);
        c.progress(10, 1000);
        c.warning("w");
        c.end();
        c.summary(List.of("built x in 1.0 s"), List.of("1 packages"));
        String text = drawn.toString();
        assertTrue(text.startsWith("\rsupermin: copying files ["), text);
        assertTrue(text.contains("\r\033[Ksupermin: warning: w\n"), text);
        assertTrue(text.endsWith("\rsupermin: built x in 1.0 s: 1 packages\n") || text.endsWith("supermin: built x in 1.0 s: 1 packages\n"), text);
    }
}
