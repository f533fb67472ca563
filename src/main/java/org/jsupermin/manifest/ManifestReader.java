package org.jsupermin.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jsupermin.util.Compression;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.IoErrors;

/**
 * Reads the input files of a supermin appliance: directories are walked recursively in sorted
 * order and each file's kind is decided by its content, as supermin 5 does.
 */
public final class ManifestReader {

    private ManifestReader() {
    }

    /** Reads and merges every input (files or directories). */
    public static Manifest read(List<Path> inputs) throws ManifestException {
        List<Path> files = inputFiles(inputs);
        TreeSet<String> packages = new TreeSet<>();
        List<String> hostfiles = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        List<Path> baseImages = new ArrayList<>();
        for (Path file : files) {
            InputKind kind = kindOf(file);
            switch (kind) {
                case PACKAGES -> packages.addAll(packageNames(file));
                case HOSTFILES -> hostfiles.addAll(lines(file));
                case EXCLUDEFILES -> {
                    for (String line : lines(file)) {
                        if (!line.startsWith("-")) {
                            throw new ManifestException(file + ": excludefiles line '" + FileNames.printable(line, 80)
                                    + "' does not start with '-'; write each pattern as -/path/pattern");
                        }
                        excludes.add(line.substring(1));
                    }
                }
                case BASE_IMAGE -> baseImages.add(file);
                case EMPTY -> {
                }
            }
        }
        return new Manifest(List.copyOf(packages), hostfiles, excludes, baseImages, files);
    }

    /** The files of the inputs, directories walked recursively in sorted order: what {@link #read} reads. */
    public static List<Path> inputFiles(List<Path> inputs) throws ManifestException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            collect(input, files);
        }
        return files;
    }

    /** Decides what one input file is. */
    public static InputKind kindOf(Path file) throws ManifestException {
        byte[] head;
        try {
            head = Compression.head(file, 512);
        } catch (IOException e) {
            throw new ManifestException("reading " + file + ": " + IoErrors.describe(e), e);
        }
        InputKind kind = InputKind.sniff(Arrays.copyOf(head, 512), head.length);
        if (kind == null) {
            throw new ManifestException(file + ": unknown file type in the supermin appliance "
                    + "(expected a package list, hostfiles, excludefiles or a tar archive); remove it from the input");
        }
        return kind;
    }

    private static void collect(Path input, List<Path> out) throws ManifestException {
        collect(input, out, new HashMap<Object, Path>());
    }

    /**
     * Adds the regular files under {@code input}, following symbolic links as supermin does;
     * {@code ancestors} maps the file keys of the directories being walked to their paths, so that a link back
     * to one of them is refused instead of walked until the path is too long.
     */
    private static void collect(Path input, List<Path> out, Map<Object, Path> ancestors) throws ManifestException {
        BasicFileAttributes a = attributes(input);
        if (a.isRegularFile()) {
            out.add(input);
        } else if (a.isDirectory()) {
            Object key = a.fileKey();
            Path first = key == null ? null : ancestors.putIfAbsent(key, input);
            if (first != null) {
                throw new ManifestException(input + ": the directory " + first + " again, through a symbolic link"
                        + " (a loop); remove that link from the supermin appliance");
            }
            // in name order
            SortedMap<String, Path> children = new TreeMap<>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(input)) {
                for (Path child : s) {
                    children.put(child.getFileName().toString(), child);
                }
            } catch (IOException e) {
                throw new ManifestException("reading directory " + input + ": " + IoErrors.describe(e), e);
            }
            for (Path child : children.values()) {
                collect(child, out, ancestors);
            }
            if (key != null) {
                ancestors.remove(key);
            }
        } else {
            // a FIFO would block the build, a device such as /dev/zero never end
            throw new ManifestException(input + ": not a regular file or directory (a FIFO, socket or device);"
                    + " a supermin appliance holds files and directories only: remove it from the input");
        }
    }

    /** The attributes of {@code input}, symbolic links followed. */
    private static BasicFileAttributes attributes(Path input) throws ManifestException {
        try {
            return Files.readAttributes(input, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(input)) {
                throw new ManifestException(input + ": a symbolic link to a missing file; remove the link or restore"
                        + " what it points to", e);
            }
            throw new ManifestException(input + ": no such file or directory", e);
        } catch (IOException e) {
            throw new ManifestException("reading " + input + ": " + IoErrors.describe(e), e);
        }
    }


    /**
     * A package list's names. A line with a control character, a space or bytes that are not
     * UTF-8 is no package name: such a file is binary data that happens to start with a letter.
     */
    private static List<String> packageNames(Path file) throws ManifestException {
        List<String> names = lines(file);
        for (String name : names) {
            if (!isPackageName(name)) {
                throw new ManifestException(file + ": '" + FileNames.printable(name, 80) + "' is not a package name"
                        + " (it holds spaces, control characters or bytes that are not UTF-8); if the file is not"
                        + " a package list, remove it from the appliance");
            }
        }
        return names;
    }

    /** Whether a package list's line may hold {@code name}: no space, control character or byte that is not UTF-8. */
    static boolean isPackageName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\uFFFD' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The most a package list, hostfiles or excludefiles may hold once decompressed: far above any
     * real one, and a bound on what a compressed input from elsewhere can make the build hold.
     */
    static final int MAX_TEXT_BYTES = 64 << 20;

    private static List<String> lines(Path file) throws ManifestException {
        try (InputStream in = Compression.open(file)) {
            // (bytes that are not UTF-8 kept as FileNames escapes: host file names are bytes)
            byte[] bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
            if (bytes.length > MAX_TEXT_BYTES) {
                throw new ManifestException(file + ": more than " + (MAX_TEXT_BYTES >> 20) + " MiB of text"
                        + " (decompressed) in a package list, hostfiles or excludefiles; this is not a supermin"
                        + " appliance file: remove it from the input");
            }
            String text = FileNames.decode(bytes);
            List<String> result = new ArrayList<>();
            for (String line : text.split("\n")) {
                String t = line.strip();
                if (!t.isEmpty()) {
                    result.add(t);
                }
            }
            return result;
        } catch (IOException e) {
            throw new ManifestException("reading " + file + ": " + IoErrors.describe(e), e);
        }
    }
}
