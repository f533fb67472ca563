package org.jsupermin.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jsupermin.util.Subprocess;

/**
 * Reads the {@code security.capability} attributes of many host files with a few batched calls
 * of getfattr(1) (Java's own xattr view sees only the "user." namespace). The appliance keeps
 * them only on files with an execute, setuid or setgid bit ({@link #mayHaveCapabilities}): file
 * capabilities act only when execve(2) runs the file.
 */
public final class Xattrs {

    public static final String CAPABILITY = "security.capability";
    /**
     * Arguments per getfattr run: well under Linux's limit (a quarter of the stack limit, 2 MiB
     * by default), so that a package set's files take one run.
     */
    private static final long BATCH_BYTES = 512 * 1024;

    private Xattrs() {
    }

    /** Whether a file of this mode is asked for capabilities: it has an execute, setuid or setgid bit. */
    public static boolean mayHaveCapabilities(int mode) {
        return (mode & 06111) != 0;
    }

    /** Whether getfattr is on the PATH. */
    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "getfattr"))) {
                return true;
            }
        }
        return false;
    }

    /** The capability attribute of each file that has one, by host path. */
    public static Map<Path, byte[]> capabilities(List<Path> files) throws IOException {
        Map<Path, byte[]> result = new HashMap<>();
        int next = 0;
        while (next < files.size()) {
            // -d with an anchored -m lists only the files that have the attribute (-n would
            // print an error line for every other file)
            List<String> cmd = new ArrayList<>(List.of("getfattr", "--absolute-names", "-h", "-e", "hex",
                    "-d", "-m", "^security\\.capability$", "--"));
            long bytes = 0;
            while (next < files.size() && bytes < BATCH_BYTES) {
                String p = files.get(next++).toString();
                cmd.add(p);
                bytes += p.length() + 9; // the string, its NUL and its pointer, roughly
            }
            // getfattr exits 1 when some file lacks the attribute; its stdout still lists the others
            Subprocess.Result r = Subprocess.run(cmd, null);
            parse(r.stdoutText(), result);
        }
        return result;
    }

    private static void parse(String out, Map<Path, byte[]> into) {
        String file = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("# file: ")) {
                file = line.substring(8);
            } else if (file != null && line.startsWith(CAPABILITY + "=0x")) {
                into.put(Path.of(unescape(file)), HexFormat.of().parseHex(line.substring(CAPABILITY.length() + 3)));
            }
        }
    }

    /** getfattr escapes unusual bytes in names as \ooo octal. */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 4 <= s.length()) {
                try {
                    b.write(Integer.parseInt(s.substring(i + 1, i + 4), 8));
                    i += 3;
                    continue;
                } catch (NumberFormatException e) {
                    // not an escape
                }
            }
            b.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
