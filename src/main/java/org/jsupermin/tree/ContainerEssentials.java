package org.jsupermin.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;

/**
 * What a container image needs that an appliance may lack: {@code /bin/sh} (a Dockerfile
 * {@code RUN}, {@code docker run IMG CMD} in shell form), {@code /etc/passwd} and
 * {@code /etc/group} ({@code USER name}, {@code docker run --user name}).
 */
public final class ContainerEssentials {

    /** The paths checked, in the order a warning names them. */
    static final List<String> PATHS = List.of("/bin/sh", "/etc/passwd", "/etc/group");

    private ContainerEssentials() {
    }

    /** The essentials {@code tree} lacks (a dangling symlink counts as missing), in {@link #PATHS} order. */
    public static List<String> missing(ApplianceTree tree) {
        List<String> out = new ArrayList<>();
        for (String p : PATHS) {
            String resolved = TreePaths.resolve(tree, p, true);
            TreeEntry e = resolved == null ? null : tree.get(resolved);
            if (e == null || e.type() != EntryType.FILE) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * One line naming what {@code tree} lacks and the packages of {@code db} that would provide
     * it; "" when nothing is missing. The owners are looked up only then: in every installed
     * package's file list (a /usr-merged name counts) and in what the database makes for a package
     * (base-passwd's accounts on dpkg); when they cannot be read, the line names none.
     */
    public static String warning(ApplianceTree tree, PackageDatabase db) {
        List<String> missing = missing(tree);
        if (missing.isEmpty()) {
            return "";
        }
        TreeSet<String> providers = new TreeSet<>();
        List<String> unprovided = new ArrayList<>();
        try {
            Map<String, String> owners = owners(missing, db);
            for (String path : missing) {
                String owner = owners.get(path);
                if (owner == null) {
                    unprovided.add(path);
                } else {
                    providers.add(owner);
                }
            }
        } catch (PackageDatabaseException e) {
            // a host package whose file list cannot be read: the warning goes without its advice
            // rather than failing a build whose image is fine as it was asked for
            providers.clear();
            unprovided.clear();
        }
        StringBuilder b = new StringBuilder("the image has no ").append(String.join(" or ", missing)).append(": ");
        List<String> failing = new ArrayList<>();
        if (missing.contains("/bin/sh")) {
            failing.add("a Dockerfile RUN or a shell-form docker run command fails");
        }
        if (missing.size() > (missing.contains("/bin/sh") ? 1 : 0)) {
            failing.add("a USER or docker run --user naming a user fails");
        }
        b.append(String.join(" and ", failing));
        if (!providers.isEmpty()) {
            b.append("; add ").append(String.join(" ", providers)).append(" to the packages");
        }
        if (!unprovided.isEmpty()) {
            b.append(providers.isEmpty() ? "; " : ", and ").append("no installed package provides ")
                    .append(String.join(" or ", unprovided));
        }
        return b.toString();
    }

    /**
     * For each path, the package that makes it (base-passwd's accounts on dpkg) or else the first
     * installed package (by name) that lists it or its /usr-merged name; paths that none provides
     * are absent.
     */
    private static Map<String, String> owners(List<String> paths, PackageDatabase db) throws PackageDatabaseException {
        List<InstalledPackage> installed = db.installedPackages();
        Map<String, String> owners = new HashMap<>();
        for (InstalledPackage p : installed) {
            for (ExtraEntry x : db.extraEntries(List.of(p))) {
                for (String path : paths) {
                    if (x.content() != null && !owners.containsKey(path) && names(path).contains(x.path())) {
                        owners.put(path, p.name());
                    }
                }
            }
        }
        for (String path : paths) {
            if (!owners.containsKey(path)) {
                InstalledPackage listing = db.firstListing(names(path));
                if (listing != null) {
                    owners.put(path, listing.name());
                }
            }
        }
        return owners;
    }

    /** A path and its /usr-merged name. */
    private static List<String> names(String path) {
        return List.of(path, merged(path));
    }

    /** The /usr-merged name of a path under /bin, /sbin or /lib* ("/usr/bin/sh"); the path itself otherwise. */
    private static String merged(String path) {
        for (String top : new String[] {"/bin/", "/sbin/", "/lib/", "/lib32/", "/lib64/", "/libx32/"}) {
            if (path.startsWith(top)) {
                return "/usr" + path;
            }
        }
        return path;
    }
}
