package org.jsupermin.resolve;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.VersionScheme;

/**
 * Resolves requested package names to the closure of installed packages they need, following
 * dpkg's and rpm's rules: alternatives, virtual packages (Provides), versions and multiarch.
 *
 * <p>The installed packages are indexed once, in the constructor; the candidates of a package's
 * requirements are worked out when a resolution first reaches it and kept for later calls. A
 * resolver may be shared between threads.
 */
public final class Resolver {

    private final PackageIndex index;

    /**
     * @param installed every installed package, in any order
     * @param versions the database's version ordering
     * @param nativeArch the native architecture ("amd64", "x86_64"); "all" and "noarch" count as native
     */
    public Resolver(List<InstalledPackage> installed, VersionScheme versions, String nativeArch) {
        this.index = new PackageIndex(installed, versions, nativeArch);
    }

    /**
     * Resolves {@code requested} names ("name" or "name:arch"; a virtual name resolves to one of
     * its providers). The result depends only on the set of names and the installed packages,
     * never on their order.
     *
     * @throws UnresolvedDependencyException when requested names are neither installed nor provided
     */
    public Resolution resolve(Collection<String> requested) throws UnresolvedDependencyException {
        List<ClosureBuilder.Request> requests = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String text : new TreeSet<>(requested)) {
            String name = text;
            String qualifier = null;
            int pkg = index.findReal(text, null);
            int colon = text.lastIndexOf(':');
            if (pkg < 0 && colon > 0) {
                name = text.substring(0, colon);
                qualifier = text.substring(colon + 1);
                pkg = index.findReal(name, qualifier);
            }
            if (pkg >= 0) {
                requests.add(new ClosureBuilder.Request(text, pkg, null));
                continue;
            }
            Requirement virtual = index.requirement(List.of(new Dependency(name, qualifier, null, null)),
                    index.arch().nativeArch(), "");
            if (virtual.forced() == Requirement.NONE) {
                missing.add(text);
            } else {
                requests.add(new ClosureBuilder.Request(text, -1, virtual));
            }
        }
        if (!missing.isEmpty()) {
            throw new UnresolvedDependencyException(missing);
        }
        return new ClosureBuilder(index, requests).build();
    }
}
