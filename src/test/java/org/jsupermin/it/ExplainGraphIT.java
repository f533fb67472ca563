package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsupermin.testing.Tools;
import org.jsupermin.testing.Tools.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --explain of a package outside the closure, and --graph rendered by Graphviz (or refused without it). */
class ExplainGraphIT {

    @TempDir
    Path tmp;

    @Test
    void aPackageOutsideTheClosureIsOneLineAndNoUsage() {
        Result r = Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "--explain", "no-such-package-xyz");
        assertEquals(1, r.exit(), r.stderr());
        assertEquals("supermin: no-such-package-xyz is not in the closure of bash coreutils: no requested package "
                + "depends on it\n", r.stderr());
        assertEquals("", r.stdout());
    }

    private static int nodes(String svg) {
        Matcher m = Pattern.compile("class=\"node\"").matcher(svg);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void svgAndPngAreRenderedAndTheDepthCutsTheGraph() throws IOException {
        Tools.requireTool("dot", "/usr/bin/dot", "apt-get install graphviz");
        Path svg = tmp.resolve("closure.svg");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "-o", tmp.resolve("d").toString(),
                "--graph", svg.toString()).orFail("--graph svg");
        String all = Files.readString(svg);
        assertTrue(all.contains("<svg"), all.substring(0, Math.min(200, all.length())));
        int closure = nodes(all);
        assertTrue(closure > 5, "the closure of bash and coreutils: " + closure + " nodes");

        Path near = tmp.resolve("near.svg");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "--explain", "libc6",
                "--graph", near.toString(), "--graph-depth", "0").orFail("--graph-depth 0");
        assertEquals(2, nodes(Files.readString(near)), "the requested packages alone");

        Path png = tmp.resolve("closure.png");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "--explain", "bash", "--graph", png.toString())
                .orFail("--graph png");
        byte[] head = Files.readAllBytes(png);
        assertEquals("PNG", new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void withoutGraphvizARenderedGraphIsRefusedBeforeAnyWork() throws IOException {
        // a PATH with what the launcher needs and no dot
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("sh", "stat", "readlink", "mkdir", "mv", "rm")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = tmp.resolve("d");
        Result r = Tools.jsupermin(Map.of("PATH", bin.toString(), "JAVA", java.toString()), "--prepare", "--use-installed",
                "bash", "-o", out.toString(), "--graph", tmp.resolve("g.svg").toString());
        assertEquals(1, r.exit(), r.stderr());
        assertTrue(r.stderr().startsWith("supermin: --graph " + tmp.resolve("g.svg") + ": rendering SVG needs Graphviz's dot"),
                r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertFalse(Files.exists(out), "nothing was prepared");
        assertFalse(Files.exists(tmp.resolve("g.svg")));
    }
}
