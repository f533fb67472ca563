package org.jsupermin.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zsh completion function completes options when zsh autoloads it from its fpath (real zsh, on a pty). */
class ZshCompletionIT {

    @TempDir
    Path dir;

    private String completeInZsh(String typed, String expected) throws Exception {
        Path functions = Files.createDirectories(dir.resolve("functions"));
        Files.writeString(functions.resolve("_supermin"), Completions.zsh());
        String script = "zmodload zsh/zpty\n"
                + "zpty z 'zsh -f -i'\n"
                + "zpty -w z 'PS1=\"> \"; fpath=(" + functions + " $fpath); autoload -U compinit; compinit -u; print READ\"\"Y'\n"
                + "zpty -r z out '*READY*'\n"
                + "zpty -w -n z $'" + typed + "\\t'\n"
                + "zpty -r z out '*" + expected + "*' && print -r -- \"$out\"\n"
                + "zpty -d z\n";
        Shell zsh = Shell.run(dir, Map.of(), List.of("timeout", "60", "zsh", "-f", "-c", script));
        return zsh.ok("zsh completion of '" + typed + "'").out();
    }

    @Test
    void completesALongOptionForBothNames() throws Exception {
        assertTrue(completeInZsh("supermin --fo", "--format").contains("supermin --format"));
        assertTrue(completeInZsh("jsupermin --build --if-n", "--if-newer").contains("--if-newer"));
    }
}
