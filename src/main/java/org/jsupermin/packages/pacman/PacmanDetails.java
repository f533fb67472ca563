package org.jsupermin.packages.pacman;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.IoErrors;
import org.jsupermin.util.TextLines;

/** The {@link PackageDetails} of one package from its {@code desc} in pacman's local database. */
final class PacmanDetails {

    private PacmanDetails() {
    }

    /** Reads {@code descFile}, the desc of {@code p}. */
    static PackageDetails read(Path descFile, InstalledPackage p) throws PackageDatabaseException {
        String text;
        try {
            text = FileNames.decode(Files.readAllBytes(descFile)); // as libalpm: bytes, any not UTF-8 kept as escapes
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + descFile + ": " + IoErrors.describe(e), e);
        }
        PacmanDesc desc = PacmanDesc.parse(TextLines.of(text), descFile);
        String base = desc.value("BASE");
        long size = 0;
        try {
            size = desc.value("SIZE") == null ? 0 : Math.max(0, Long.parseLong(desc.value("SIZE").strip()));
        } catch (NumberFormatException e) {
            size = 0; // informative only: a size that is not a number counts as unknown
        }
        List<String> licenses = desc.values("LICENSE");
        return new PackageDetails(base == null || base.isBlank() ? p.name() : base.strip(), p.version(), size,
                orEmpty(desc.value("PACKAGER")), orEmpty(desc.value("URL")), String.join(" AND ", licenses),
                new TreeMap<>(), text);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
