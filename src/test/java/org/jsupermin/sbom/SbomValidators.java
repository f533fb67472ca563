package org.jsupermin.sbom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;
import org.spdx.tools.SpdxToolsHelper;
import org.spdx.tools.Verify;

/**
 * The reference validators of both SBOM formats: SPDX's tools-java {@code Verify} (with the license
 * list bundled in the library, no network) and CycloneDX's own JSON schema validation for 1.6.
 */
public final class SbomValidators {

    static {
        // the license list in the jar, not spdx.org's
        System.setProperty("SPDXParser.OnlyUseLocalLicenses", "true");
        SpdxToolsHelper.initialize();
    }

    private SbomValidators() {
    }

    /** What {@code Verify FILE JSON} reports about an SPDX JSON file: empty when valid. */
    public static List<String> spdxProblems(Path file) throws Exception {
        return new ArrayList<>(Verify.verify(file.toString(), SpdxToolsHelper.SerFileType.JSON));
    }

    /** What the CycloneDX 1.6 JSON schema says about a file: empty when valid. */
    public static List<String> cycloneDxProblems(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        for (ParseException e : new JsonParser().validate(file.toFile(), Version.VERSION_16)) {
            problems.add(e.getMessage());
        }
        return problems;
    }
}
