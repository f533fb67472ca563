package org.jsupermin.sbom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.resolve.DependencyEdge;
import org.jsupermin.resolve.RequestedPackage;

/** Makes the {@link SbomDocument} of an appliance's packages. */
public final class Sbom {

    /** Larger copyright files are not read (the largest on a Debian host are a few hundred KiB). */
    private static final int MAX_COPYRIGHT_BYTES = 4 * 1024 * 1024;

    /** The checksum algorithms SPDX 2.3 names. */
    private static final Set<String> SPDX_ALGORITHMS = Set.of("SHA1", "SHA224", "SHA256", "SHA384", "SHA512",
            "SHA3-256", "SHA3-384", "SHA3-512", "MD2", "MD4", "MD5", "MD6",
            "BLAKE2b-256", "BLAKE2b-384", "BLAKE2b-512", "BLAKE3", "ADLER32");

    private Sbom() {
    }

    /**
     * The SBOM of the request's closure. Reads the root's os-release and, for dpkg, each
     * package's {@code /usr/share/doc/NAME/copyright}; what cannot be read is NOASSERTION,
     * never an error.
     */
    public static SbomDocument of(SbomRequest request) {
        OsRelease os = OsRelease.of(request.root());
        ExtractedLicenses extracted = new ExtractedLicenses();
        LicenseExpressions licenses = new LicenseExpressions(extracted);
        Set<InstalledPackage> requested = new HashSet<>();
        for (RequestedPackage r : request.resolution().roots()) {
            requested.add(r.resolved());
        }
        List<InstalledPackage> closure = new ArrayList<>(request.resolution().closure());
        closure.sort(null);
        Map<InstalledPackage, String> refs = new HashMap<>();
        Set<String> usedRefs = new HashSet<>();
        List<SbomPackage> packages = new ArrayList<>(closure.size());
        SortedMap<String, SortedSet<String>> dependsOn = new TreeMap<>();
        for (InstalledPackage p : closure) {
            PackageDetails d = request.details().get(p);
            if (d == null) {
                d = PackageDetails.minimal(p);
            }
            String ref = uniqueRef(p, usedRefs);
            refs.put(p, ref);
            dependsOn.put(ref, new TreeSet<>());
            String license = request.driver().equals("dpkg")
                    ? licenses.of(copyright(request, p))
                    : licenses.ofDatabase(d.license());
            packages.add(new SbomPackage(ref, p.name(), p.version(), p.arch(), PackageUrl.of(request.driver(), os, p),
                    Suppliers.of(d.maintainer(), p.vendor()), license, d.homepage(), checksums(d),
                    requested.contains(p)));
        }
        for (DependencyEdge e : request.resolution().edges()) {
            String from = refs.get(e.from());
            String to = refs.get(e.to());
            if (from != null && to != null && !from.equals(to)) {
                dependsOn.get(from).add(to);
            }
        }
        return new SbomDocument(request.name(), request.epoch(), "jsupermin-" + toolVersion(), os, packages,
                dependsOn, extracted.all());
    }

    /** The version of this code, from its jar's manifest ("0.1.0" when run from classes). */
    static String toolVersion() {
        String v = Sbom.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    private static DebianCopyright copyright(SbomRequest request, InstalledPackage p) {
        byte[] bytes = RootFiles.read(request.root(), "/usr/share/doc/" + p.name() + "/copyright", MAX_COPYRIGHT_BYTES);
        return DebianCopyright.parse(bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
    }

    private static SortedMap<String, String> checksums(PackageDetails d) {
        SortedMap<String, String> sums = new TreeMap<>();
        for (Map.Entry<String, String> e : d.checksums().entrySet()) {
            if (SPDX_ALGORITHMS.contains(e.getKey()) && e.getValue().matches("[0-9a-f]+")) {
                sums.put(e.getKey(), e.getValue());
            }
        }
        return sums;
    }

    /** "Package-NAME-VERSION-ARCH" reduced to letters, digits, "." and "-", unique in the document. */
    private static String uniqueRef(InstalledPackage p, Set<String> used) {
        String base = "Package-" + ExtractedLicenses.sanitize(p.name() + "-" + p.version() + "-" + p.arch());
        String ref = base;
        for (int n = 2; !used.add(ref.toLowerCase(java.util.Locale.ROOT)); n++) {
            ref = base + "-" + n;
        }
        return ref;
    }
}
