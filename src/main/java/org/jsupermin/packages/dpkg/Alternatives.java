package org.jsupermin.packages.dpkg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jsupermin.packages.AlternativeChoice;
import org.jsupermin.packages.AlternativeGroup;
import org.jsupermin.packages.AlternativeLink;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.util.TextLines;
import org.jsupermin.util.IoErrors;

/**
 * The link groups of update-alternatives, read from {@code var/lib/dpkg/alternatives/<name>}:
 * the mode ("auto" or "manual"), the master link, slave name/link pairs up to an empty line,
 * then for each alternative its path, its priority and one line per slave (empty when it has
 * none for that slave), up to an empty line. The root's current choice is its
 * {@code /etc/alternatives/<name>} symlink.
 */
final class Alternatives {

    /** Highest priority first; a stable sort keeps the database order among equals. */
    private static final Comparator<AlternativeChoice> BY_PRIORITY =
            Comparator.comparingInt(AlternativeChoice::priority).reversed();

    private final Path root;

    Alternatives(Path root) {
        this.root = root;
    }

    /** Every group of the root, sorted by name; none when the root has no alternatives database. */
    List<AlternativeGroup> groups() throws PackageDatabaseException {
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
        List<AlternativeGroup> result = new ArrayList<>();
        for (Path file : files) {
            AlternativeGroup g = readGroup(file);
            if (!g.choices().isEmpty()) {
                result.add(g);
            }
        }
        return result;
    }

    private AlternativeGroup readGroup(Path file) throws PackageDatabaseException {
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
        boolean manual = lines.get(0).strip().equals("manual");
        AlternativeLink master = new AlternativeLink(name, lines.get(1));
        List<AlternativeLink> slaves = new ArrayList<>();
        int i = 2;
        for (; i < lines.size() && !lines.get(i).isEmpty(); i += 2) {
            if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("/")) {
                throw new PackageDatabaseException("reading " + file + " line " + (i + 2)
                        + ": expected the link path of slave " + lines.get(i));
            }
            slaves.add(new AlternativeLink(lines.get(i), lines.get(i + 1)));
        }
        List<AlternativeChoice> choices = new ArrayList<>();
        for (i++; i < lines.size() && !lines.get(i).isEmpty(); i += 2 + slaves.size()) {
            if (i + 1 >= lines.size()) {
                throw new PackageDatabaseException("reading " + file + " line " + (i + 1)
                        + ": alternative " + lines.get(i) + " has no priority");
            }
            int priority;
            try {
                priority = Integer.parseInt(lines.get(i + 1).strip());
            } catch (NumberFormatException e) {
                throw new PackageDatabaseException("reading " + file + " line " + (i + 2)
                        + ": expected the priority of " + lines.get(i) + ", found '" + lines.get(i + 1) + "'");
            }
            List<String> targets = new ArrayList<>(slaves.size());
            for (int s = 0; s < slaves.size(); s++) {
                int line = i + 2 + s;
                targets.add(line < lines.size() ? lines.get(line) : "");
            }
            choices.add(new AlternativeChoice(lines.get(i), priority, targets));
        }
        choices.sort(BY_PRIORITY);
        String hostChoice = currentChoice(name);
        if (manual && hostChoice != null) {
            for (int c = 0; c < choices.size(); c++) {
                if (choices.get(c).path().equals(hostChoice)) {
                    choices.add(0, choices.remove(c));
                    break;
                }
            }
        }
        return new AlternativeGroup(master, slaves, choices, hostChoice);
    }

    /** The target of the root's {@code /etc/alternatives/<name>} link, absolute; null when there is none. */
    private String currentChoice(String name) throws PackageDatabaseException {
        Path onRoot = root.resolve("etc/alternatives").resolve(name);
        if (!Files.isSymbolicLink(onRoot)) {
            return null;
        }
        try {
            String target = Files.readSymbolicLink(onRoot).toString();
            return target.startsWith("/") ? target : Path.of("/etc/alternatives").resolve(target).normalize().toString();
        } catch (IOException e) {
            throw new PackageDatabaseException("reading the link " + onRoot + ": " + IoErrors.describe(e), e);
        }
    }
}
