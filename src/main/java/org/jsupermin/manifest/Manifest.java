package org.jsupermin.manifest;

import java.nio.file.Path;
import java.util.List;

/**
 * A supermin appliance as read from its input files, several of each kind merged.
 *
 * @param packages requested package names, sorted, without duplicates
 * @param hostfiles host path patterns in input order
 * @param excludes fnmatch patterns (without the leading '-') in input order
 * @param baseImages tar archives (possibly compressed) in input order
 * @param inputFiles every file read, in reading order (for --if-newer digests)
 */
public record Manifest(List<String> packages, List<String> hostfiles, List<String> excludes,
                       List<Path> baseImages, List<Path> inputFiles) {

    public Manifest {
        packages = List.copyOf(packages);
        hostfiles = List.copyOf(hostfiles);
        excludes = List.copyOf(excludes);
        baseImages = List.copyOf(baseImages);
        inputFiles = List.copyOf(inputFiles);
    }
}
