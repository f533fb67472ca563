package org.jsupermin.oci;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.AbsolutePaths;

/**
 * Which source package owns each path of a tree: a package's listed path is looked up in the
 * tree as it is, or through the tree's directory symlinks (usrmerge's {@code /bin} →
 * {@code usr/bin}); the first package in closure order that lists a path owns it.
 */
public final class PackageOwners {

    private static final int MAX_LINKS = 16;

    private final Map<String, String> sourceOf;
    private final Map<String, Long> sizes;

    private PackageOwners(Map<String, String> sourceOf, Map<String, Long> sizes) {
        this.sourceOf = sourceOf;
        this.sizes = sizes;
    }

    /**
     * The owners of {@code tree}'s paths among {@code closure}, whose file lists and details are
     * given; a package without details is its own source.
     */
    public static PackageOwners of(ApplianceTree tree, List<InstalledPackage> closure,
                                   Map<InstalledPackage, List<PackageFile>> files,
                                   Map<InstalledPackage, PackageDetails> details) {
        Map<String, String> sourceOf = new HashMap<>();
        Map<String, Long> sizes = new TreeMap<>();
        for (InstalledPackage p : closure) {
            PackageDetails d = details.get(p);
            String source = d == null || d.source().isEmpty() ? p.name() : d.source();
            sizes.merge(source, d == null ? 0L : d.installedSize(), Long::sum);
            List<PackageFile> list = files.get(p);
            if (list == null) {
                continue;
            }
            for (PackageFile f : list) {
                String path = canonical(tree, f.path());
                if (path != null && !path.equals("/")) {
                    sourceOf.putIfAbsent(path, source);
                }
            }
        }
        return new PackageOwners(sourceOf, sizes);
    }

    /** Owners given directly: path → source package, and each source's installed size. */
    public static PackageOwners of(Map<String, String> sourceOf, Map<String, Long> sizes) {
        return new PackageOwners(new HashMap<>(sourceOf), new TreeMap<>(sizes));
    }

    /** The source package owning {@code path}, or null when no package lists it. */
    public String sourceOf(String path) {
        return sourceOf.get(path);
    }

    /** The installed size of each source's packages in the closure (0 where the database records none). */
    public Map<String, Long> installedSizes() {
        return sizes;
    }

    /**
     * {@code path} as the tree holds it: itself when present, else with its longest prefix that is
     * a symlink in the tree replaced by the link's target; null when the tree does not hold it.
     */
    static String canonical(ApplianceTree tree, String path) {
        String p = path;
        for (int hops = 0; hops <= MAX_LINKS; hops++) {
            if (tree.get(p) != null) {
                return p;
            }
            String resolved = null;
            for (int slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) {
                TreeEntry e = tree.get(p.substring(0, slash));
                if (e == null) {
                    continue;
                }
                if (e.type() == EntryType.SYMLINK) {
                    String target = e.linkTarget();
                    String base = target.startsWith("/") ? target : e.parent() + "/" + target;
                    resolved = AbsolutePaths.normalize(base + p.substring(slash));
                }
                break;
            }
            if (resolved == null) {
                return null;
            }
            p = resolved;
        }
        return null;
    }
}
