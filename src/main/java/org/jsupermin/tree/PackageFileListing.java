package org.jsupermin.tree;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsupermin.host.HostProbe;
import org.jsupermin.host.HostProbes;
import org.jsupermin.host.RootPaths;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageFile;

/**
 * The packages' non-config files in closure and list order, on their canonical appliance paths,
 * with the host file behind each looked at once (a directory many packages list, once): on a
 * helper thread while the lists are walked, see {@link HostProbes}.
 */
final class PackageFileListing {

    /**
     * One listed file.
     *
     * @param path its canonical appliance path
     * @param probe the index of its host file's probe
     * @param diverted whether dpkg diverted it (its host file is elsewhere)
     * @param packageName the package that lists it
     */
    record Listed(String path, int probe, boolean diverted, String packageName) {
    }

    private final RootPaths paths;
    private final HostProbes probing;
    private final List<Listed> listed;
    /** Probe index of each host file, by canonical source path. */
    private final Map<String, Integer> probeOf;
    private HostProbe[] probes;

    private PackageFileListing(RootPaths paths, int capacity) {
        this.paths = paths;
        this.probing = new HostProbes(capacity);
        this.listed = new ArrayList<>(capacity);
        this.probeOf = new HashMap<>(capacity * 4 / 3 + 1);
    }

    /** Lists and probes the files of {@code closure}. */
    static PackageFileListing of(List<InstalledPackage> closure, Map<InstalledPackage, List<PackageFile>> files,
                                 RootPaths paths) throws IOException {
        int count = 0;
        for (List<PackageFile> l : files.values()) {
            count += l.size();
        }
        PackageFileListing listing = new PackageFileListing(paths, count);
        for (InstalledPackage pkg : closure) {
            for (PackageFile f : files.getOrDefault(pkg, List.of())) {
                listing.add(pkg.name(), f);
            }
        }
        listing.probes = listing.probing.finish();
        return listing;
    }

    /** Lists one file of package {@code packageName}. */
    private void add(String packageName, PackageFile f) throws IOException {
        if (f.config()) {
            return; // config files come from the base image written by --prepare
        }
        String path = paths.canonical(f.path());
        String source = f.diverted() ? paths.canonical(f.sourcePath()) : path;
        if (path == null || source == null) {
            return;
        }
        Integer probe = probeOf.get(source);
        if (probe == null) {
            probe = probing.add(paths.host(source));
            probeOf.put(source, probe);
        }
        listed.add(new Listed(path, probe, f.diverted(), packageName));
    }

    /** The listed files, in closure and list order. */
    List<Listed> files() {
        return listed;
    }

    /** The host file behind {@code f}. */
    Path host(Listed f) {
        return probing.host(f.probe());
    }

    /** What looking at the host file behind {@code f} found. */
    HostProbe probe(Listed f) {
        return probes[f.probe()];
    }
}
