package org.jsupermin.packages.dpkg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.util.PathOrder;
import org.jsupermin.util.TextLines;

/**
 * The links update-alternatives made: read from {@code var/lib/dpkg/alternatives/<name>} (mode,
 * master link, then slave name/link pairs up to an empty line) with the current choice taken
 * from the root's {@code /etc/alternatives/<name>} symlink.
 */
final class Alternatives {

    private final Path root;

    Alternatives(Path root) {
        this.root = root;
    }

    /**
     * For every group and slave whose {@code /etc/alternatives} link exists: the public link to
     * {@code /etc/alternatives/<name>} and that link to the chosen target, both requiring the
     * target. Sorted by path.
     */
    List<ExtraEntry> entries() throws PackageDatabaseException {
        Path dir = root.resolve("var/lib/dpkg/alternatives");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + dir + ": " + IoErrors.describe(e), e);
        }
        files.sort(null);
        List<ExtraEntry> result = new ArrayList<>();
        for (Path file : files) {
            readGroup(file, result);
        }
        result.sort(ExtraEntry.BY_PATH);
        return result;
    }

    private void readGroup(Path file, List<ExtraEntry> out) throws PackageDatabaseException {
        List<String> lines;
        try {
            lines = TextLines.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + file + ": " + IoErrors.describe(e), e);
        }
        if (lines.size() < 2 || !lines.get(1).startsWith("/")) {
            throw new PackageDatabaseException("reading " + file + " line 2: expected the master link path");
        }
        String name = file.getFileName().toString();
        add(name, lines.get(1), out);
        for (int i = 2; i < lines.size() && !lines.get(i).isEmpty(); i += 2) {
            if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("/")) {
                throw new PackageDatabaseException("reading " + file + " line " + (i + 2)
                        + ": expected the link path of slave " + lines.get(i));
            }
            add(lines.get(i), lines.get(i + 1), out);
        }
    }

    /** Adds the two links of one (master or slave) name when the root has made a choice for it. */
    private void add(String name, String link, List<ExtraEntry> out) throws PackageDatabaseException {
        String altLink = "/etc/alternatives/" + name;
        Path onRoot = root.resolve(altLink.substring(1));
        if (!Files.isSymbolicLink(onRoot)) {
            return;
        }
        String target;
        try {
            target = Files.readSymbolicLink(onRoot).toString();
        } catch (IOException e) {
            throw new PackageDatabaseException("reading the link " + onRoot + ": " + IoErrors.describe(e), e);
        }
        if (!target.startsWith("/")) {
            target = Path.of("/etc/alternatives").resolve(target).normalize().toString();
        }
        out.add(ExtraEntry.symlink(link, altLink, target));
        out.add(ExtraEntry.symlink(altLink, target, target));
    }
}
