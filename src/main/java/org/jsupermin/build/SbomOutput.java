package org.jsupermin.build;

import java.nio.file.Path;
import java.util.Objects;

import org.jsupermin.sbom.SbomFormat;

/**
 * Where a build writes the SBOM of its packages ({@code --sbom FILE}, {@code --sbom-format}).
 *
 * @param file the document's path; replaced atomically once the output is written
 * @param format SPDX or CycloneDX
 */
public record SbomOutput(Path file, SbomFormat format) {

    public SbomOutput {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
    }
}
