package org.jsupermin.packages.dpkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        Path qualified = infoDir.resolve(pkg.name() + ":" + pkg.arch() + ".list");
        Path plain = infoDir.resolve(pkg.name() + ".list");
        Path file = pkg.multiArch() == MultiArch.SAME
                ? (Files.exists(qualified) ? qualified : plain)
                : (Files.exists(plain) ? plain : qualified);
        if (!Files.exists(file)) {
            throw new PackageDatabaseException("reading the file list of " + pkg + ": neither " + plain
                    + " nor " + qualified + " exists");
        }
        String text;
        try {
            text = FileNames.decode(Files.readAllBytes(file)); // names are bytes: any that are not UTF-8 kept as escapes
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + file + ": " + IoErrors.describe(e), e);
        }
        List<String> paths = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.equals("/.") || line.equals("/")) {
                continue;
            }
            paths.add(line);
        }
        return paths;
    }
}
