package org.jsupermin.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths made from, and read as, bytes that are not UTF-8. */
class RawPathsTest {

    @TempDir
    Path dir;

    @Test
    void aNameThatIsNotUtf8IsCreatedListedAndLinkedByteForByte() throws Exception {
        assertTrue(RawPaths.available(), "JDK 17 to 23 make such paths");
        Path latin1 = RawPaths.resolve(dir, "caf\udce9");
        Path utf8 = RawPaths.resolve(dir, "café");
        Files.writeString(latin1, "latin-1");
        Files.writeString(utf8, "utf-8");
        Files.createSymbolicLink(RawPaths.resolve(dir, "link"), RawPaths.of("caf\udce9"));
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.map(RawPaths::fileName).sorted().toList();
        }
        assertEquals(List.of("café", "caf\\xe9", "link"), names.stream().map(n -> FileNames.printable(n, 80)).toList());
        assertEquals("latin-1", Files.readString(RawPaths.resolve(dir, "link")));
        assertEquals("caf\udce9", RawPaths.text(Files.readSymbolicLink(dir.resolve("link"))));
        // what the kernel holds, as ls shows it in the C locale
        ProcessBuilder pb = new ProcessBuilder("ls", "-1b", dir.toString());
        pb.environment().put("LC_ALL", "C");
        Process ls = pb.start();
        assertEquals("caf\\303\\251\ncaf\\351\nlink\n", new String(ls.getInputStream().readAllBytes()));
    }
}
