package org.jsupermin.packages.dpkg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.MultiArch;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.IoErrors;

/** Reads the file lists dpkg keeps in {@code var/lib/dpkg/info/<name>[:<arch>].list}. */
final class FileLists {

    private final Path infoDir;

    FileLists(Path infoDir) {
        this.infoDir = infoDir;
    }

    /** The paths {@code pkg} owns, as listed; the root entry "/." is left out. */
    List<String> read(InstalledPackage pkg) throws PackageDatabaseException {
        String text = FileNames.decode(bytes(pkg)); // names are bytes: any that are not UTF-8 kept as escapes
        List<String> paths = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.equals("/.") || line.equals("/")) {
                continue;
            }
            paths.add(line);
        }
        return paths;
    }

    /**
     * Whether the list of {@code pkg} has one of {@code paths} as a whole line. The list's bytes
     * are compared with each path's bytes (see {@link FileNames#encode}), one char per byte, so nothing is decoded.
     */
    boolean namesAny(InstalledPackage pkg, Collection<String> paths) throws PackageDatabaseException {
        String text = "\n" + new String(bytes(pkg), StandardCharsets.ISO_8859_1) + "\n";
        for (String path : paths) {
            if (path.isEmpty() || path.equals("/.") || path.equals("/")) {
                continue; // the root entry, which read() leaves out too
            }
            String line = new String(FileNames.encode(path), StandardCharsets.ISO_8859_1);
            if (text.contains("\n" + line + "\n")) {
                return true;
            }
        }
        return false;
    }

    private byte[] bytes(InstalledPackage pkg) throws PackageDatabaseException {
        Path qualified = infoDir.resolve(pkg.name() + ":" + pkg.arch() + ".list");
        Path plain = infoDir.resolve(pkg.name() + ".list");
        Path file = pkg.multiArch() == MultiArch.SAME
                ? (Files.exists(qualified) ? qualified : plain)
                : (Files.exists(plain) ? plain : qualified);
        if (!Files.exists(file)) {
            throw new PackageDatabaseException("reading the file list of " + pkg + ": neither " + plain
                    + " nor " + qualified + " exists");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + file + ": " + IoErrors.describe(e), e);
        }
    }
}
