package org.jsupermin.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lstat read from the JDK's fields against the "unix:" attribute view, on every kind of file. */
class HostStatTest {

    @Test
    void fieldsAreReadableInTheTests() {
        if (Runtime.version().feature() < 24) {
            assertTrue(StatFields.AVAILABLE, "on JDK " + Runtime.version() + " Unsafe reads them");
        }
    }

    @Test
    void fieldsGiveWhatTheAttributeViewGives(@TempDir Path tmp) throws Exception {
        List<Path> files = new ArrayList<>(List.of(Path.of("/"), Path.of("/dev/null"), Path.of("/dev/loop-control"),
                Path.of("/bin"), Path.of("/usr/bin/passwd"), Path.of("/tmp")));
        for (String dir : List.of("/usr/bin", "/etc", "/dev")) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(Path.of(dir))) {
                for (Path p : s) {
                    files.add(p);
                }
            }
        }
        Path old = Files.writeString(tmp.resolve("before-1970"), "x");
        // (the JDK's setLastModifiedTime makes negative times 0)
        assertEquals(0, new ProcessBuilder("touch", "-d", "@-1.5", old.toString()).start().waitFor());
        files.add(old);
        Path fifo = tmp.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        files.add(fifo);
        Path link = Files.createSymbolicLink(tmp.resolve("link"), Path.of("nowhere"));
        files.add(link);
        Path hard = Files.createLink(tmp.resolve("hard"), old);
        files.add(hard);
        int compared = 0;
        for (Path p : files) {
            if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                assertEquals(HostStat.ofAttributeMap(p), HostStat.ofFields(p), p.toString());
                compared++;
            }
        }
        assertTrue(compared > 100, "compared " + compared);
        assertEquals(-1, HostStat.ofFields(old).mtime(), "rounded toward zero, as FileTime.toMillis() / 1000");
        assertEquals(2, HostStat.ofFields(hard).nlink());
        assertThrows(NoSuchFileException.class, () -> HostStat.ofFields(tmp.resolve("absent")));
    }
}
