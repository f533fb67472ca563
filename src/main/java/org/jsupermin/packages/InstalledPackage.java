package org.jsupermin.packages;

import java.util.ArrayList;
import java.util.List;

/**
 * An installed package as its database records it.
 *
 * @param name package name
 * @param version full version string (dpkg: [epoch:]upstream[-revision]; rpm: [epoch:]version-release)
 * @param arch architecture ("amd64", "all", "x86_64", "noarch")
 * @param multiArch dpkg's Multi-Arch, {@link MultiArch#NO} elsewhere
 * @param depends hard dependencies (dpkg Pre-Depends and Depends, rpm Requires): each inner list
 *     is one requirement whose alternatives are tried in order; a {@link DeferredList} is parsed
 *     when first read, and a malformed field then throws an IllegalArgumentException naming it
 * @param provides what this package provides besides its own name
 * @param vendor the vendor or origin when the database records one (rpm Vendor, dpkg Origin), or ""
 */
public record InstalledPackage(String name, String version, String arch, MultiArch multiArch,
                               List<List<Dependency>> depends, List<Provide> provides, String vendor)
        implements Comparable<InstalledPackage> {

    public InstalledPackage {
        // each requirement copied unmodifiable; a deferred list (dependencies parsed when first
        // read) is kept as it is
        if (!(depends instanceof DeferredList)) {
            List<List<Dependency>> copies = new ArrayList<>(depends.size());
            for (List<Dependency> requirement : depends) {
                copies.add(List.copyOf(requirement));
            }
            depends = List.copyOf(copies);
        }
        provides = List.copyOf(provides);
        vendor = vendor == null ? "" : vendor;
    }

    /** "name:arch"; several installed versions of one package (kernels on rpm hosts) share it. */
    public String id() {
        return name + ":" + arch;
    }

    /** "name_version_arch", as in {@code --include-packagelist}. */
    public String nameVersionArch() {
        return name + "_" + version + "_" + arch;
    }

    @Override
    public int compareTo(InstalledPackage o) {
        int c = name.compareTo(o.name);
        if (c == 0) {
            c = arch.compareTo(o.arch);
        }
        if (c == 0) {
            c = version.compareTo(o.version);
        }
        return c;
    }

    @Override
    public String toString() {
        return id() + "=" + version;
    }
}
