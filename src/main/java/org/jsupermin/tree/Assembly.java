package org.jsupermin.tree;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageFile;

/**
 * An assembled appliance tree with what its size accounting needs; the accounting itself is
 * only worked out when asked for ({@code --size-report}).
 */
public final class Assembly {

    private final ApplianceTree tree;
    /** Which package brought each path. */
    private final Map<String, String> owners;
    private final Map<String, Long> excludedBytes;
    private final Map<InstalledPackage, List<PackageFile>> packageFiles;

    Assembly(ApplianceTree tree, Map<String, String> owners, Map<String, Long> excludedBytes,
             Map<InstalledPackage, List<PackageFile>> packageFiles) {
        this.tree = tree;
        this.owners = owners;
        this.excludedBytes = excludedBytes;
        this.packageFiles = packageFiles;
    }

    /** The tree every format consumes. */
    public ApplianceTree tree() {
        return tree;
    }

    /** The file lists of the packages, as the database gave them to the tree. */
    public Map<InstalledPackage, List<PackageFile>> packageFiles() {
        return packageFiles;
    }

    /** Bytes per package and per excludefiles rule. */
    public SizeReport sizes() {
        Map<String, Long> perPackage = new HashMap<>();
        for (TreeEntry e : tree.entries()) {
            if (e.type() == EntryType.FILE && !e.isHardLinkToEarlier()) {
                perPackage.merge(owners.getOrDefault(e.path(), "(base images, hostfiles and generated files)"), e.size(), Long::sum);
            }
        }
        return SizeReport.of(perPackage, excludedBytes);
    }
}
