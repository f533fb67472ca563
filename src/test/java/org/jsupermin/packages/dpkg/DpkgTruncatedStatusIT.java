package org.jsupermin.packages.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A status file cut short, at many places of this host's own status file: it is refused exactly
 * when {@code dpkg-query --admindir} refuses it.
 */
class DpkgTruncatedStatusIT {

    @TempDir
    Path tmp;

    /** The places to cut at: inside values, names and continuation lines, and just after line ends. */
    private static List<Integer> cuts(String text) {
        List<Integer> cuts = new ArrayList<>();
        int para = text.indexOf("\n\n", text.length() / 3) + 2;
        int description = text.indexOf("\nDescription: ", para) + 1;
        int continuation = text.indexOf("\n ", description) + 1;
        int nextPara = text.indexOf("\n\n", description) + 2;
        cuts.add(description + 3);              // in a field name
        cuts.add(description + 12);             // right after the colon
        cuts.add(description + 16);             // in the value
        cuts.add(continuation + 5);             // in a continuation line
        cuts.add(text.indexOf('\n', description) + 1); // after a complete field line
        cuts.add(nextPara - 1);                 // a paragraph's last line, without the blank line
        cuts.add(nextPara);                     // after the blank line
        cuts.add(text.length() - 1);            // the whole file but its last newline
        return cuts;
    }

    @Test
    void refusedExactlyWhenDpkgQueryRefusesIt() throws IOException {
        Tools.requireTool("dpkg-query", "/usr/bin/dpkg-query", "apt-get install dpkg");
        String text = Files.readString(Path.of("/var/lib/dpkg/status"), java.nio.charset.StandardCharsets.ISO_8859_1);
        int refused = 0;
        for (int cut : cuts(text)) {
            Path admin = tmp.resolve("admin-" + cut);
            Files.createDirectories(admin.resolve("info"));
            Files.createDirectories(admin.resolve("updates"));
            Path status = admin.resolve("status");
            Files.writeString(status, text.substring(0, cut), java.nio.charset.StandardCharsets.ISO_8859_1);
            Tools.Result dpkg = Tools.run("dpkg-query", "--admindir=" + admin, "-l");
            String ours;
            try {
                DpkgStatus.read(status);
                ours = null;
            } catch (PackageDatabaseException e) {
                ours = e.getMessage();
            }
            String tail = text.substring(Math.max(0, cut - 30), cut).replace("\n", "\\n");
            assertEquals(dpkg.exit() != 0, ours != null, "cut after '" + tail + "': dpkg-query says "
                    + dpkg.stderr().strip() + "; we say " + ours);
            if (ours != null) {
                refused++;
                assertTrue(ours.contains("without a final newline"), ours);
            }
        }
        assertEquals(4, refused, "the cuts inside a name, after a colon, inside a value and a continuation");
    }
}
