package org.jsupermin.build;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jsupermin.host.FileIdentity;
import org.jsupermin.util.Digests;
import org.jsupermin.util.TempFiles;
import org.jsupermin.util.TextLines;

/**
 * The {@code --if-newer} record kept beside an output: a digest of everything that decides the
 * output (inputs' contents, resolved package versions, options, kernel), the identity of the
 * output files written, and a {@link StampWatch}: the identity (device, inode, size, modification
 * and change times) of every file whose content went into the digest, so that a later run finds
 * the output up to date without reading any of them when none has moved. When one has, the digest
 * is worked out again and decides, so the answer is always the digest's.
 *
 * <p>The file: the digest's hex on the first line, then lines starting with {@code output},
 * {@code key}, {@code input} and {@code watch}.
 */
final class BuildStamp {

    private static final byte[] NEWLINE = {'\n'};

    private final MessageDigest digest = Digests.sha256();

    /** Adds a labelled value. */
    BuildStamp add(String label, Object value) {
        digest.update((label + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Adds text as it is. */
    BuildStamp addText(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Adds a file's name and content. */
    BuildStamp addFile(String label, Path file) throws IOException {
        add(label, file.toAbsolutePath().normalize());
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
        }
        digest.update(NEWLINE);
        return this;
    }

    /** The digest so far, in hex. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A file's identity, following links: "dev:ino size mtime ctime", which a replaced or
     * rewritten file changes; "absent" when there is no such file.
     */
    static String identity(Path file) throws IOException {
        FileIdentity id;
        try {
            id = FileIdentity.of(file);
        } catch (NoSuchFileException e) {
            return "absent";
        }
        // times in milliseconds: a watched file changed after its identity was recorded changed
        // at least a second after its recorded times (see write)
        return id.dev() + ":" + id.ino() + " " + id.size() + " " + millis(id.mtimeSeconds(), id.mtimeNanos()) + " "
                + millis(id.ctimeSeconds(), id.ctimeNanos());
    }

    private static long millis(long seconds, long nanos) {
        return seconds * 1000 + nanos / 1_000_000;
    }

    /** Where the stamp of {@code output} lives: beside it, hidden. */
    static Path stampPath(Path output) {
        Path abs = output.toAbsolutePath().normalize();
        return abs.getParent().resolve("." + abs.getFileName() + ".jsupermin-stamp");
    }

    /**
     * A line per output file: path, inode, size, so a replaced or deleted file is noticed. Not its
     * times: libguestfs touches the appliance's files at every launch (to keep tmp cleaners off
     * them) and then expects {@code --if-newer} to keep them, as supermin does.
     */
    static List<String> identities(List<Path> outputs) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path p : outputs) {
            Map<String, Object> a = Files.readAttributes(p, "unix:ino,size", LinkOption.NOFOLLOW_LINKS);
            lines.add("output " + p.getFileName() + " " + a.get("ino") + " " + a.get("size"));
        }
        return lines;
    }

    /** Writes the stamp without a watch: the next --if-newer run works out the digest. */
    static void write(Path output, String digestHex, List<Path> outputs) throws IOException {
        write(output, digestHex, outputs, null);
    }

    /**
     * Writes the stamp after a successful build (or a check that found the output up to date).
     * The watch is recorded only when none of its files changed since shortly before the build
     * began: otherwise the next run works out the digest again.
     */
    static void write(Path output, String digestHex, List<Path> outputs, StampWatch watch) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(digestHex);
        lines.addAll(identities(outputs));
        if (watch != null) {
            List<String> watched = new ArrayList<>();
            boolean settled = true;
            for (Path f : watch.files()) {
                Path abs = f.toAbsolutePath().normalize();
                watched.add("watch " + escape(abs.toString()) + " " + identity(abs));
                settled &= changedBefore(abs, watch.startedMillis() - FileIdentity.RACY_MILLIS);
            }
            if (settled) {
                lines.add("key " + escape(watch.key()));
                for (Path f : watch.inputs()) {
                    lines.add("input " + escape(f.toAbsolutePath().normalize().toString()));
                }
                lines.addAll(watched);
            }
        }
        // the temporary file has a random name and is created exclusively: the directory may be
        // writable by others, who could otherwise prepare its name as a symlink
        TempFiles.replace(stampPath(output), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), "tmp");
    }

    /** Whether a file is absent or its last change (ctime) is before {@code millis}. */
    private static boolean changedBefore(Path file, long millis) throws IOException {
        try {
            return ((FileTime) Files.getAttribute(file, "unix:ctime")).toMillis() < millis;
        } catch (NoSuchFileException e) {
            return true;
        }
    }

    /**
     * Whether the output is up to date by the watch alone: the stamp's key is {@code key}, the
     * appliance's input files are {@code inputs}, and neither the watched files nor the outputs
     * moved. False whenever that cannot be told (no stamp, no watch): then the digest decides.
     */
    static boolean unchanged(Path output, String key, List<Path> inputs, List<Path> outputs) throws IOException {
        List<String> lines = read(output);
        if (lines == null) {
            return false;
        }
        if (lines.size() < 2 || !lines.contains("key " + escape(key))) {
            return false;
        }
        int input = 0;
        List<String> outputLines = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("input ")) {
                if (input >= inputs.size()
                        || !line.equals("input " + escape(inputs.get(input).toAbsolutePath().normalize().toString()))) {
                    return false;
                }
                input++;
            } else if (line.startsWith("watch ")) {
                int space = line.indexOf(' ', "watch ".length());
                Path file = Path.of(unescape(line.substring("watch ".length(), space)));
                if (!identity(file).equals(line.substring(space + 1))) {
                    return false;
                }
            } else if (line.startsWith("output ")) {
                outputLines.add(line);
            }
        }
        if (input != inputs.size()) {
            return false;
        }
        for (Path p : outputs) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return outputLines.equals(identities(outputs));
    }

    /** The stamp's lines, or null when there is none. */
    private static List<String> read(Path output) throws IOException {
        if (Files.isSymbolicLink(stampPath(output))) {
            // not a record this tool wrote (it writes regular files only): never followed, and
            // replaced by the next stamp
            return null;
        }
        try (InputStream in = new FileInputStream(stampPath(output).toFile())) {
            return TextLines.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (FileNotFoundException e) {
            if (Files.exists(stampPath(output), LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
            return null;
        }
    }

    /** Why the output must be rebuilt, or null when it is up to date. */
    static String whyRebuild(Path output, String digestHex, List<Path> outputs) throws IOException {
        for (Path p : outputs) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return p + " is missing";
            }
        }
        List<String> lines = read(output);
        if (lines == null && Files.isSymbolicLink(stampPath(output))) {
            return "the record of the previous build " + stampPath(output) + " is a symbolic link, which is never followed";
        }
        if (lines == null) {
            return "no record of a previous build (" + stampPath(output) + ")";
        }
        if (lines.isEmpty() || !lines.get(0).equals(digestHex)) {
            return "the inputs, package versions, options or kernel changed";
        }
        List<String> outputLines = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("output ")) {
                outputLines.add(line);
            }
        }
        if (!outputLines.equals(identities(outputs))) {
            return "the output was changed or replaced since it was built";
        }
        return null;
    }

    /** One line of text: backslashes, newlines and spaces escaped. */
    static String escape(String text) {
        if (text.indexOf('\\') < 0 && text.indexOf('\n') < 0 && text.indexOf(' ') < 0) {
            return text;
        }
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace(" ", "\\s");
    }

    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 's' ? ' ' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
