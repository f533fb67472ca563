package org.jsupermin.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated bash completion completes options for both command names; the zsh file wraps it. */
class CompletionTest {

    @TempDir
    Path dir;

    /** COMPREPLY after completing the last word of {@code line} with the script sourced in bash. */
    private String complete(String line) throws IOException, InterruptedException {
        Path script = Files.writeString(dir.resolve("supermin.bash"), Completions.bash());
        String program = ". " + script + "\n"
                + "COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n"
                + "read -ra COMP_WORDS <<< \"$COMP_LINE\"\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "spec=$(complete -p \"${COMP_WORDS[0]}\") || exit 3\n"
                + "func=${spec#*-F }; func=${func%% *}\n"
                + "\"$func\" \"${COMP_WORDS[0]}\" \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        return Shell.run("bash", "--norc", "--noprofile", "-c", program).ok("bash completion of '" + line + "'").out().trim();
    }

    @Test
    void completesALongOptionForSupermin() throws Exception {
        assertEquals("--format", complete("supermin --fo"));
    }

    @Test
    void completesTheFormatsOfTheRegistry() throws Exception {
        assertEquals("ext2", complete("supermin --build -f ex"));
        assertEquals("tar", complete("supermin --build --format t"));
    }

    @Test
    void completesForJsuperminToo() throws Exception {
        assertEquals("--if-newer", complete("jsupermin --build --if-n"));
    }

    @Test
    void offersSeveralOptionsForAnAmbiguousPrefix() throws Exception {
        String reply = complete("supermin --pa");
        assertTrue(reply.contains("--packager-config") && reply.contains("--packages-from"), reply);
    }

    @Test
    void completesMinimizeAndItsLocaleAndTheGraphDepth() throws Exception {
        assertEquals("--minimize", complete("supermin --build --mini"));
        assertEquals("--locale", complete("supermin --build --minimize --loca"));
        assertEquals("--graph-depth", complete("supermin --prepare bash --graph-"));
        assertEquals("--sbom-format", complete("supermin --build --sbom-"));
        assertTrue(Completions.zsh().contains("--minimize") && Completions.zsh().contains("--locale"));
    }

    @Test
    void zshFileIsACompdefForBothNamesThatRunsTheBashFunction() {
        String zsh = Completions.zsh();
        assertTrue(zsh.startsWith("#compdef supermin jsupermin\n"), zsh.lines().findFirst().orElse(""));
        assertTrue(zsh.contains("bashcompinit"));
        assertTrue(zsh.stripTrailing().endsWith("_bash_complete -F _complete_supermin -o default"));
    }
}
