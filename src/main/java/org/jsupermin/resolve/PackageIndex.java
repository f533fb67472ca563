package org.jsupermin.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.MultiArch;
import org.jsupermin.packages.Provide;
import org.jsupermin.packages.VersionScheme;

/**
 * The installed packages indexed once: sorted and numbered, by name and by what they provide.
 * A package's requirements, with their candidates worked out, are computed the first time a
 * resolution reaches the package, and kept.
 */
final class PackageIndex {

    /** One Provides entry of one package. */
    private record ProvideRef(int pkg, Provide provide) {
    }

    private final InstalledPackage[] packages;
    private final Map<String, int[]> byName = new HashMap<>();
    private final Map<String, List<ProvideRef>> providers = new HashMap<>();
    private final VersionScheme versions;
    private final ArchRules arch;
    /** Per package, its requirements once worked out (null before). */
    private final AtomicReferenceArray<Requirement[]> requirements;

    PackageIndex(List<InstalledPackage> installed, VersionScheme versions, String nativeArch) {
        this.versions = versions;
        this.packages = sortedDistinct(installed);
        boolean multiArch = false;
        Map<String, List<Integer>> names = new HashMap<>();
        for (int i = 0; i < packages.length; i++) {
            InstalledPackage p = packages[i];
            multiArch |= p.multiArch() != MultiArch.NO;
            names.computeIfAbsent(p.name(), k -> new ArrayList<>(1)).add(i);
            for (Provide provide : p.provides()) {
                providers.computeIfAbsent(provide.name(), k -> new ArrayList<>(2)).add(new ProvideRef(i, provide));
            }
        }
        for (Map.Entry<String, List<Integer>> e : names.entrySet()) {
            byName.put(e.getKey(), toArray(e.getValue()));
        }
        this.arch = new ArchRules(nativeArch, multiArch);
        this.requirements = new AtomicReferenceArray<>(packages.length);
    }

    /**
     * The packages without duplicates, in their natural order; ties (same name, arch and version)
     * are broken by content so that the numbering never depends on the input order, and are the
     * only ones compared for equality (hashing every package's dependencies would cost more).
     */
    private static InstalledPackage[] sortedDistinct(List<InstalledPackage> installed) {
        InstalledPackage[] sorted = installed.toArray(new InstalledPackage[0]);
        Arrays.sort(sorted, Comparator.<InstalledPackage>naturalOrder().thenComparing(PackageIndex::tieKey));
        List<InstalledPackage> out = new ArrayList<>(sorted.length);
        int run = 0;
        for (InstalledPackage p : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).compareTo(p) != 0) {
                run = out.size();
            }
            if (!out.subList(run, out.size()).contains(p)) {
                out.add(p);
            }
        }
        return out.toArray(new InstalledPackage[0]);
    }

    private static String tieKey(InstalledPackage p) {
        return p.multiArch() + " " + p.vendor() + " " + p.depends() + " " + p.provides();
    }

    int size() {
        return packages.length;
    }

    InstalledPackage get(int i) {
        return packages[i];
    }

    ArchRules arch() {
        return arch;
    }

    /** The requirements of package {@code i}, in the order it lists them. */
    Requirement[] requirements(int i) {
        Requirement[] rs = requirements.get(i);
        if (rs == null) {
            // two threads may both work them out: the results are equal, either one is kept
            InstalledPackage p = packages[i];
            rs = new Requirement[p.depends().size()];
            for (int r = 0; r < rs.length; r++) {
                rs[r] = requirement(p.depends().get(r), p.arch(), p.vendor());
            }
            if (!requirements.compareAndSet(i, null, rs)) {
                rs = requirements.get(i);
            }
        }
        return rs;
    }

    /**
     * The installed package called {@code name} (any architecture unless {@code qualifier} names
     * one): native or "all" first, then by architecture name, then the newest; -1 when none.
     */
    int findReal(String name, String qualifier) {
        int best = -1;
        for (int c : byName.getOrDefault(name, new int[0])) {
            InstalledPackage p = packages[c];
            if (qualifier != null && !qualifier.equals("any") && !arch.fits(qualifier, arch.nativeArch(), p)) {
                continue;
            }
            if (best < 0 || realOrder(arch.nativeArch()).compare(c, best) < 0) {
                best = c;
            }
        }
        return best;
    }

    /** Works out the candidates of one requirement written by a package of {@code dependerArch}. */
    Requirement requirement(List<Dependency> alternatives, String dependerArch, String dependerVendor) {
        List<Requirement.Option> options = new ArrayList<>(alternatives.size());
        int forced = Requirement.NONE;
        for (Dependency d : alternatives) {
            Requirement.Option o = option(d, dependerArch, dependerVendor);
            options.add(o);
            for (int c : o.candidates()) {
                if (forced == Requirement.NONE) {
                    forced = c;
                } else if (forced != c) {
                    forced = Requirement.SEVERAL;
                }
            }
        }
        return new Requirement(alternatives, List.copyOf(options), forced);
    }

    private Requirement.Option option(Dependency d, String dependerArch, String dependerVendor) {
        List<Integer> reals = reals(d, dependerArch, true);
        if (reals.isEmpty() && arch.lenient(d.archQualifier())) {
            reals = reals(d, dependerArch, false);
        }
        if (!reals.isEmpty()) {
            reals.sort(realOrder(dependerArch));
            return new Requirement.Option(d, toArray(reals), false);
        }
        List<Integer> provs = providers(d, dependerArch, true, false);
        if (provs.isEmpty() && arch.lenient(d.archQualifier())) {
            provs = providers(d, dependerArch, false, false);
        }
        if (provs.isEmpty() && !arch.strict() && d.relation() != null) {
            // rpm lets an unversioned Provides satisfy any version; in a database without
            // multiarch data this is tried only when nothing else satisfies the dependency
            provs = providers(d, dependerArch, !arch.lenient(d.archQualifier()), true);
        }
        Comparator<Integer> real = realOrder(dependerArch);
        // the depender's vendor first, then by name, then as real packages
        provs.sort(Comparator.comparing((Integer p) -> !packages[p].vendor().equals(dependerVendor))
                .thenComparing(p -> packages[p].name())
                .thenComparing(real));
        return new Requirement.Option(d, toArray(provs), true);
    }

    private List<Integer> reals(Dependency d, String dependerArch, boolean checkArch) {
        List<Integer> out = new ArrayList<>();
        for (int c : byName.getOrDefault(d.name(), new int[0])) {
            InstalledPackage p = packages[c];
            if ((!checkArch || arch.fits(d.archQualifier(), dependerArch, p))
                    && (d.relation() == null || versions.satisfies(p.version(), d.relation(), d.version()))) {
                out.add(c);
            }
        }
        return out;
    }

    private List<Integer> providers(Dependency d, String dependerArch, boolean checkArch, boolean unversionedOk) {
        Set<Integer> out = new LinkedHashSet<>();
        for (ProvideRef ref : providers.getOrDefault(d.name(), List.of())) {
            InstalledPackage p = packages[ref.pkg()];
            Provide provide = ref.provide();
            // as dpkg: an unversioned Provides satisfies only unversioned dependencies
            boolean versionOk = d.relation() == null
                    || (provide.version() == null ? unversionedOk
                            : versions.satisfies(provide.version(), d.relation(), d.version()));
            if (versionOk && (!checkArch || arch.fits(d.archQualifier(), dependerArch, p))) {
                out.add(ref.pkg());
            }
        }
        return new ArrayList<>(out);
    }

    /** Same architecture as the depender, then native, then newest, then index order. */
    private Comparator<Integer> realOrder(String dependerArch) {
        return (a, b) -> {
            int c = Integer.compare(arch.rank(dependerArch, packages[a]), arch.rank(dependerArch, packages[b]));
            if (c == 0) {
                c = versions.compare(packages[b].version(), packages[a].version());
            }
            return c != 0 ? c : Integer.compare(a, b);
        };
    }

    /** Installed packages named like an alternative of {@code r} that do not satisfy it: "bar:amd64=1.0". */
    List<String> nearMisses(Requirement r) {
        List<String> out = new ArrayList<>();
        for (Dependency d : r.alternatives()) {
            for (int c : byName.getOrDefault(d.name(), new int[0])) {
                out.add(packages[c].toString());
            }
            for (ProvideRef ref : providers.getOrDefault(d.name(), List.of())) {
                Provide provide = ref.provide();
                out.add(packages[ref.pkg()] + " provides " + provide.name()
                        + (provide.version() == null ? "" : " (= " + provide.version() + ")"));
            }
        }
        return out;
    }

    private static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
