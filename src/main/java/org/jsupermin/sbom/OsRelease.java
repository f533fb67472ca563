package org.jsupermin.sbom;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What a root's {@code os-release} says about its distribution.
 *
 * @param id the distribution's ID ("debian", "fedora", "alpine", "arch"), lowercase; "" when unknown
 * @param versionId its VERSION_ID ("12", "40", "3.20.1"), or ""
 * @param versionCodename its VERSION_CODENAME ("bookworm"), or ""
 */
public record OsRelease(String id, String versionId, String versionCodename) {

    private static final int MAX_BYTES = 64 * 1024;

    /** Nothing known. */
    public static final OsRelease UNKNOWN = new OsRelease("", "", "");

    /**
     * The root's {@code /etc/os-release}, else {@code /usr/lib/os-release} (symbolic links resolved
     * inside the root), or {@link #UNKNOWN} when neither can be read.
     */
    public static OsRelease of(Path root) {
        for (String path : new String[] {"/etc/os-release", "/usr/lib/os-release"}) {
            byte[] bytes = RootFiles.read(root, path, MAX_BYTES);
            if (bytes != null) {
                return parse(new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return UNKNOWN;
    }

    /** Parses os-release text: {@code KEY=value} lines, values optionally quoted. */
    public static OsRelease parse(String text) {
        String id = "";
        String versionId = "";
        String codename = "";
        for (String line : text.split("\n", -1)) {
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).trim();
            String value = unquote(line.substring(eq + 1).trim());
            switch (key) {
                case "ID" -> id = value.toLowerCase(java.util.Locale.ROOT);
                case "VERSION_ID" -> versionId = value;
                case "VERSION_CODENAME" -> codename = value;
                default -> { }
            }
        }
        return new OsRelease(id, versionId, codename);
    }

    /** "debian-12", as a PURL's {@code distro} qualifier; "" when the ID is unknown. */
    public String distro() {
        if (id.isEmpty()) {
            return "";
        }
        if (!versionId.isEmpty()) {
            return id + "-" + versionId;
        }
        return versionCodename.isEmpty() ? "" : id + "-" + versionCodename;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1);
        }
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                c = v.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }
}
