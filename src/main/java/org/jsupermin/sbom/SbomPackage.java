package org.jsupermin.sbom;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One package of an SBOM.
 *
 * @param ref the package's identifier within the document (letters, digits, "." and "-"; unique)
 * @param name the package name
 * @param version its full version, as the package database records it
 * @param arch its architecture
 * @param purl its package URL
 * @param supplier who supplies it (the database's maintainer, else its vendor)
 * @param license its declared license as an SPDX expression, or "NOASSERTION"
 * @param homepage the upstream home page, or ""
 * @param checksums checksums by SPDX algorithm name ("SHA256"), lowercase hex; sorted
 * @param requested whether the appliance asked for it by name (else it is a dependency)
 */
public record SbomPackage(String ref, String name, String version, String arch, PackageUrl purl,
                          Supplier supplier, String license, String homepage,
                          SortedMap<String, String> checksums, boolean requested) {

    public SbomPackage {
        checksums = Collections.unmodifiableSortedMap(new TreeMap<>(checksums));
    }
}
