package org.jsupermin.resolve;

import org.jsupermin.packages.InstalledPackage;

/** How packages are named in messages: "name" when native or "all", "name:arch" otherwise. */
final class Labels {

    private final String nativeArch;

    Labels(String nativeArch) {
        this.nativeArch = nativeArch;
    }

    String of(InstalledPackage p) {
        String arch = p.arch();
        boolean isNative = arch.equals(nativeArch) || arch.equals("all") || arch.equals("noarch") || arch.isEmpty();
        return isNative ? p.name() : p.id();
    }
}
