package org.jsupermin.sbom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code LicenseRef-} identifiers of one document: one per distinct (name, text), the first
 * text of a name getting {@code LicenseRef-NAME}, later different texts {@code LicenseRef-NAME-2},
 * {@code -3}… in the order packages are visited (the closure's, so the same each time).
 */
final class ExtractedLicenses {

    /** Identifier, lowercased (SPDX compares them without case), to its license. */
    private final Map<String, ExtractedLicense> byId = new HashMap<>();

    /** The identifier of {@code name} with {@code text}, registering it when new. */
    String ref(String name, String text) {
        String base = "LicenseRef-" + sanitize(name);
        for (int n = 1; ; n++) {
            String id = n == 1 ? base : base + "-" + n;
            ExtractedLicense known = byId.get(id.toLowerCase(Locale.ROOT));
            if (known == null) {
                byId.put(id.toLowerCase(Locale.ROOT), new ExtractedLicense(id, name, text));
                return id;
            }
            if (known.text().equals(text)) {
                return known.id();
            }
        }
    }

    /** Every license registered, sorted by identifier. */
    List<ExtractedLicense> all() {
        java.util.TreeMap<String, ExtractedLicense> sorted = new java.util.TreeMap<>();
        for (ExtractedLicense l : byId.values()) {
            sorted.put(l.id(), l);
        }
        return new ArrayList<>(sorted.values());
    }

    /** Letters, digits, "." and "-" only; other runs become one "-". */
    static String sanitize(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
            if (ok) {
                b.append(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
                b.append('-');
            }
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
            b.setLength(b.length() - 1);
        }
        return b.length() == 0 ? "unnamed" : b.toString();
    }
}
