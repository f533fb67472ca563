package org.jsupermin.resolve;

import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.MultiArch;

/**
 * Which architectures satisfy a dependency: dpkg's multiarch rules, with a lenient fallback for
 * databases that record no multiarch information (rpm, pacman, apk).
 */
final class ArchRules {

    private final String nativeArch;
    private final boolean strict;

    /**
     * @param nativeArch the native architecture ("amd64", "x86_64")
     * @param strict whether the database knows multiarch (some package has a Multi-Arch field);
     *     when false, an unqualified dependency may fall back to any architecture
     */
    ArchRules(String nativeArch, boolean strict) {
        this.nativeArch = nativeArch;
        this.strict = strict;
    }

    String nativeArch() {
        return nativeArch;
    }

    /** Whether the database knows multiarch (dpkg): no lenient fallbacks then. */
    boolean strict() {
        return strict;
    }

    /** The architecture a package counts as: "all", "noarch" and "" are native. */
    String effective(String arch) {
        return switch (arch) {
            case "all", "noarch", "any", "" -> nativeArch;
            default -> arch;
        };
    }

    /**
     * Whether {@code target} satisfies a dependency with {@code qualifier} (null, "any", "native" or
     * an architecture) written by a package of architecture {@code dependerArch}.
     */
    boolean fits(String qualifier, String dependerArch, InstalledPackage target) {
        String t = effective(target.arch());
        MultiArch m = target.multiArch();
        if (qualifier == null) {
            return m == MultiArch.FOREIGN || t.equals(effective(dependerArch));
        }
        return switch (qualifier) {
            // dpkg only lets Multi-Arch: allowed (and foreign) packages satisfy :any from another
            // architecture; any other package still satisfies it from the depender's architecture
            case "any" -> m == MultiArch.ALLOWED || m == MultiArch.FOREIGN
                    || t.equals(effective(dependerArch));
            case "native" -> t.equals(nativeArch);
            default -> t.equals(effective(qualifier));
        };
    }

    /** Whether a dependency with this qualifier may fall back to any architecture when nothing fits. */
    boolean lenient(String qualifier) {
        return !strict && (qualifier == null || qualifier.equals("any"));
    }

    /** 0 for the depender's architecture, 1 for native, 2 for any other: lower is preferred. */
    int rank(String dependerArch, InstalledPackage target) {
        String t = effective(target.arch());
        if (t.equals(effective(dependerArch))) {
            return 0;
        }
        return t.equals(nativeArch) ? 1 : 2;
    }
}
