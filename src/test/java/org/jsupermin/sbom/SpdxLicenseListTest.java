package org.jsupermin.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The identifiers {@link SpdxLicenseList} holds are the SPDX License List's non-deprecated ones, as
 * bundled in the SPDX library the validation tests use: an identifier the list lacks would make
 * Verify reject the documents, a deprecated one would be a needless warning.
 */
class SpdxLicenseListTest {

    private static JsonNode bundled(String file) throws IOException {
        try (InputStream in = SpdxLicenseListTest.class.getClassLoader().getResourceAsStream("resources/stdlicenses/" + file)) {
            assertNotNull(in, file + " in the SPDX library's jar");
            return new ObjectMapper().readTree(in);
        }
    }

    private static TreeSet<String> ids(JsonNode list, String array, String field) {
        TreeSet<String> ids = new TreeSet<>();
        for (JsonNode n : list.get(array)) {
            if (!n.path("isDeprecatedLicenseId").asBoolean(false)) {
                ids.add(n.get(field).asText());
            }
        }
        return ids;
    }

    private static TreeSet<String> ours(String spaceSeparated) {
        return new TreeSet<>(List.of(spaceSeparated.trim().split(" +")));
    }

    @Test
    void licensesAreTheListsNonDeprecatedOnes() throws IOException {
        JsonNode list = bundled("licenses.json");
        assertEquals(list.get("licenseListVersion").asText(), SpdxLicenseList.VERSION);
        assertEquals(ids(list, "licenses", "licenseId"), ours(SpdxLicenseList.LICENSES));
    }

    @Test
    void exceptionsAreTheListsNonDeprecatedOnes() throws IOException {
        assertEquals(ids(bundled("exceptions.json"), "exceptions", "licenseExceptionId"), ours(SpdxLicenseList.EXCEPTIONS));
    }
}
