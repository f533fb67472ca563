package org.jsupermin.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tiny C program compiled with {@code gcc -static}: runs in any root, needs no libc there. */
public final class StaticProgram {

    private StaticProgram() {
    }

    /**
     * Compiles a program printing {@code message} (one line) into {@code out}; fails the test when
     * gcc or the static libc (Debian libc6-dev) is missing.
     */
    public static Path compile(Path out, String message) throws IOException {
        Tools.requireTool("gcc", "/usr/bin/gcc", "apt-get install gcc libc6-dev");
        Path src = out.resolveSibling(out.getFileName() + ".c");
        String quoted = message.replace("\\", "\\\\").replace("\"", "\\\"");
        Files.writeString(src, "#include <stdio.h>\nint main(void) { puts(\"" + quoted + "\"); return 0; }\n");
        Tools.run("gcc", "-static", "-Os", "-s", "-o", out.toString(), src.toString()).orFail("gcc -static");
        return out;
    }
}
