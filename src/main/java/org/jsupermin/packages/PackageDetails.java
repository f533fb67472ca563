package org.jsupermin.packages;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a database records about an installed package beyond what resolution needs: for image
 * layers (grouped by source package, ordered by size), SBOMs and the package database written
 * into images. Each field is empty ("" or 0) when the database does not record it.
 *
 * @param source the source package's name (dpkg Source, rpm SOURCERPM's name, apk origin, pacman
 *     base); the package's own name when the database says nothing else
 * @param sourceVersion the source package's version, or the package's own version
 * @param installedSize installed size in bytes (dpkg records KiB: multiplied by 1024)
 * @param maintainer who supplies it (dpkg Maintainer, rpm Packager or Vendor, apk m:, pacman packager)
 * @param homepage the upstream home page
 * @param license the license as the database records it (rpm License, apk L:, pacman license), or ""
 *     (dpkg records none: see {@code /usr/share/doc/NAME/copyright})
 * @param checksums checksums of the package as the database records them, by algorithm name as
 *     SPDX spells it ("SHA1", "SHA256", "MD5"), lowercase hex values; sorted
 * @param record the package's own record in the database, verbatim, as the database would be written
 *     into an image (a dpkg status paragraph with its final newline; "" where not applicable)
 */
public record PackageDetails(String source, String sourceVersion, long installedSize, String maintainer,
                             String homepage, String license, SortedMap<String, String> checksums, String record) {

    public PackageDetails {
        checksums = Collections.unmodifiableSortedMap(new TreeMap<>(checksums));
    }

    /** What is known of a package whose database records nothing more. */
    public static PackageDetails minimal(InstalledPackage p) {
        return new PackageDetails(p.name(), p.version(), 0, "", "", "", new TreeMap<>(), "");
    }
}
