package org.jsupermin.sbom;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Looks up SPDX license and exception identifiers case-insensitively, as SPDX matches them. */
final class SpdxIds {

    private static final Map<String, String> LICENSES = index(SpdxLicenseList.LICENSES);
    private static final Map<String, String> EXCEPTIONS = index(SpdxLicenseList.EXCEPTIONS);

    private SpdxIds() {
    }

    /** The license identifier as the list spells it, or null when it is not on the list. */
    static String license(String id) {
        return LICENSES.get(id.toLowerCase(Locale.ROOT));
    }

    /** The exception identifier as the list spells it, or null when it is not on the list. */
    static String exception(String id) {
        return EXCEPTIONS.get(id.toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> index(String ids) {
        Map<String, String> m = new HashMap<>();
        for (String id : ids.trim().split(" +")) {
            m.put(id.toLowerCase(Locale.ROOT), id);
        }
        return m;
    }
}
