package org.jsupermin.sbom;

/**
 * A license that is not on the SPDX License List, named {@code LicenseRef-…} in expressions.
 *
 * @param id "LicenseRef-" and letters, digits, "." and "-"
 * @param name the name the package gave it ("public-domain")
 * @param text its text as the package's copyright file gives it
 */
public record ExtractedLicense(String id, String name, String text) {
}
