package org.jsupermin.sbom;

import java.nio.file.Path;
import java.util.Map;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.resolve.Resolution;

/**
 * What an SBOM is made from.
 *
 * @param name what it describes (the output's name, or an image's tag)
 * @param resolution the appliance's packages: closure, requested roots and dependency edges
 * @param details what the package database records about each closure package (from
 *     {@code PackageDatabase.details}); a package missing here gets only its name and version
 * @param driver the package database's driver name ("dpkg", "rpm", "apk", "pacman")
 * @param root the root directory the packages are installed in ({@code /} or {@code --root})
 * @param epoch the build's time (SOURCE_DATE_EPOCH or the project's fixed default)
 */
public record SbomRequest(String name, Resolution resolution, Map<InstalledPackage, PackageDetails> details,
                          String driver, Path root, long epoch) {

    public SbomRequest {
        details = Map.copyOf(details);
    }
}
