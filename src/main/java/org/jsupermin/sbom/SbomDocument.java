package org.jsupermin.sbom;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an SBOM says, before it is written in one format or another.
 *
 * @param name what the SBOM describes (the appliance's or image's name)
 * @param created the time it describes, in seconds since the epoch (the build's SOURCE_DATE_EPOCH)
 * @param tool the tool that made it ("jsupermin-0.1.0")
 * @param os the distribution of the root the packages come from
 * @param packages every package, sorted by name, architecture and version
 * @param dependsOn for each package ref, the refs of the packages it depends on; both sorted
 * @param extractedLicenses the licenses that are not on the SPDX list, sorted by identifier
 */
public record SbomDocument(String name, long created, String tool, OsRelease os, List<SbomPackage> packages,
                           SortedMap<String, SortedSet<String>> dependsOn, List<ExtractedLicense> extractedLicenses) {

    public SbomDocument {
        packages = List.copyOf(packages);
        SortedMap<String, SortedSet<String>> deps = new TreeMap<>();
        for (var e : dependsOn.entrySet()) {
            deps.put(e.getKey(), Collections.unmodifiableSortedSet(new TreeSet<>(e.getValue())));
        }
        dependsOn = Collections.unmodifiableSortedMap(deps);
        extractedLicenses = List.copyOf(extractedLicenses);
    }
}
