package org.jsupermin.sbom;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jsupermin.packages.InstalledPackage;

/**
 * A package URL (purl, {@code https://github.com/package-url/purl-spec}) in its canonical form:
 * {@code pkg:type/namespace/name@version?qualifiers}, qualifiers sorted by key, empty ones left
 * out, everything but {@code A-Z a-z 0-9 . - _ ~} and the colon percent-encoded (so a Debian
 * epoch stays {@code 1:2.4.47-2} and a {@code +} becomes {@code %2B}).
 *
 * @param type "deb", "rpm", "apk", "alpm"
 * @param namespace the distribution ("debian"), or "" for none
 * @param name the package name
 * @param version the version, or "" for none
 * @param qualifiers qualifier values by key; sorted
 */
public record PackageUrl(String type, String namespace, String name, String version,
                         SortedMap<String, String> qualifiers) {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    public PackageUrl {
        SortedMap<String, String> q = new TreeMap<>();
        for (Map.Entry<String, String> e : qualifiers.entrySet()) {
            if (e.getValue() != null && !e.getValue().isEmpty()) {
                q.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
            }
        }
        qualifiers = Collections.unmodifiableSortedMap(q);
        type = type.toLowerCase(Locale.ROOT);
    }

    /**
     * The PURL of an installed package of the given package database ("dpkg", "rpm", "apk",
     * "pacman"), with the distribution from the root's os-release: {@code arch} and {@code distro}
     * qualifiers, and rpm's epoch as the {@code epoch} qualifier (the purl spec's rpm rule), while
     * dpkg's and pacman's epochs stay in the version.
     */
    public static PackageUrl of(String driver, OsRelease os, InstalledPackage p) {
        SortedMap<String, String> q = new TreeMap<>();
        q.put("arch", p.arch());
        q.put("distro", os.distro());
        String version = p.version();
        String type;
        String name = p.name();
        switch (driver) {
            case "rpm" -> {
                type = "rpm";
                int colon = version.indexOf(':');
                if (colon > 0 && isDigits(version.substring(0, colon))) {
                    q.put("epoch", version.substring(0, colon));
                    version = version.substring(colon + 1);
                }
            }
            case "apk" -> {
                type = "apk";
                name = name.toLowerCase(Locale.ROOT);
            }
            case "pacman" -> {
                type = "alpm";
                name = name.toLowerCase(Locale.ROOT);
            }
            default -> {
                type = "deb";
                name = name.toLowerCase(Locale.ROOT);
            }
        }
        String namespace = os.id().isEmpty() ? defaultNamespace(type) : os.id();
        return new PackageUrl(type, namespace, name, version, q);
    }

    /** The distribution a database implies when the root has no os-release. */
    private static String defaultNamespace(String type) {
        return switch (type) {
            case "rpm" -> "fedora";
            case "apk" -> "alpine";
            case "alpm" -> "arch";
            default -> "debian";
        };
    }

    /** The canonical string. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("pkg:").append(type).append('/');
        if (!namespace.isEmpty()) {
            for (String segment : namespace.split("/")) {
                if (!segment.isEmpty()) {
                    b.append(encode(segment)).append('/');
                }
            }
        }
        b.append(encode(name));
        if (!version.isEmpty()) {
            b.append('@').append(encode(version));
        }
        char sep = '?';
        for (Map.Entry<String, String> e : qualifiers.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return b.toString();
    }

    /** Percent-encodes the UTF-8 bytes of {@code s} except unreserved characters and the colon. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == '~' || c == ':') {
                b.append((char) c);
            } else {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return b.toString();
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
