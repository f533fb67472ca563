package org.jsupermin.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.packageurl.PackageURL;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.MultiArch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Package URLs: the purl spec's own test cases for deb, rpm, apk and alpm, and packageurl-java agreeing. */
class PackageUrlTest {

    private static final OsRelease BOOKWORM = new OsRelease("debian", "12", "bookworm");

    /** "build" cases of the purl spec's tests/types/{deb,rpm,apk,alpm}-test.json. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "deb|debian|curl|7.50.3-1|arch=i386,distro=jessie|pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie",
        "deb|debian|dpkg|1.19.0.4|arch=amd64,distro=stretch|pkg:deb/debian/dpkg@1.19.0.4?arch=amd64&distro=stretch",
        "deb|ubuntu|dpkg|1.19.0.4|arch=amd64|pkg:deb/ubuntu/dpkg@1.19.0.4?arch=amd64",
        "deb|debian|attr|1:2.4.47-2|arch=source|pkg:deb/debian/attr@1:2.4.47-2?arch=source",
        "deb|debian|attr|1:2.4.47-2+b1|arch=amd64|pkg:deb/debian/attr@1:2.4.47-2%2Bb1?arch=amd64",
        "rpm|fedora|curl|7.50.3-1.fc25|arch=i386,distro=fedora-25|pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=i386&distro=fedora-25",
        "rpm||centerim|4.22.10-1.el6|epoch=1,arch=i686,distro=fedora-25|pkg:rpm/centerim@4.22.10-1.el6?arch=i686&distro=fedora-25&epoch=1",
        "apk|alpine|curl|7.83.0-r0|arch=x86|pkg:apk/alpine/curl@7.83.0-r0?arch=x86",
        "apk|alpine|libcrypto3|3.5.5-r0|upstream=openssl,arch=x86_64,distro=alpine-edge|pkg:apk/alpine/libcrypto3@3.5.5-r0?arch=x86_64&distro=alpine-edge&upstream=openssl",
        "alpm|arch|pacman|6.0.1-1|arch=x86_64|pkg:alpm/arch/pacman@6.0.1-1?arch=x86_64",
        "alpm|arch|python-pip|21.0-1|arch=any|pkg:alpm/arch/python-pip@21.0-1?arch=any",
        "alpm|arch|containers-common|1:0.47.4-4|arch=x86_64|pkg:alpm/arch/containers-common@1:0.47.4-4?arch=x86_64",
    })
    void specBuildCases(String type, String namespace, String name, String version, String qualifiers, String expected)
            throws Exception {
        PackageUrl purl = new PackageUrl(type, namespace == null ? "" : namespace, name, version, qualifiers(qualifiers));
        assertEquals(expected, purl.toString());
        assertEquals(expected, oracle(purl));
    }

    @Test
    void debianPackageOfTheHostDatabase() throws Exception {
        InstalledPackage bash = pkg("bash", "5.2.15-2+b2", "amd64");
        PackageUrl purl = PackageUrl.of("dpkg", BOOKWORM, bash);
        assertEquals("pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64&distro=debian-12", purl.toString());
        assertEquals(purl.toString(), oracle(purl));
        // the epoch's colon is not encoded; a name with "+" is
        assertEquals("pkg:deb/debian/libstdc%2B%2B6@12.2.0-14?arch=amd64&distro=debian-12",
                PackageUrl.of("dpkg", BOOKWORM, pkg("libstdc++6", "12.2.0-14", "amd64")).toString());
        assertEquals("pkg:deb/debian/libgcc-s1@1:12.2.0-14?arch=amd64&distro=debian-12",
                PackageUrl.of("dpkg", BOOKWORM, pkg("libgcc-s1", "1:12.2.0-14", "amd64")).toString());
    }

    @Test
    void rpmEpochBecomesAQualifier() throws Exception {
        OsRelease fedora = new OsRelease("fedora", "40", "");
        PackageUrl purl = PackageUrl.of("rpm", fedora, pkg("NetworkManager", "1:1.46.0-1.fc40", "x86_64"));
        assertEquals("pkg:rpm/fedora/NetworkManager@1.46.0-1.fc40?arch=x86_64&distro=fedora-40&epoch=1", purl.toString());
        assertEquals(purl.toString(), oracle(purl));
    }

    @Test
    void otherDatabasesAndMissingOsRelease() {
        assertEquals("pkg:apk/alpine/busybox@1.36.1-r29?arch=x86_64&distro=alpine-3.20.3",
                PackageUrl.of("apk", new OsRelease("alpine", "3.20.3", ""), pkg("busybox", "1.36.1-r29", "x86_64")).toString());
        assertEquals("pkg:alpm/arch/glibc@2.40%2Br16%2Bgaa533d58ff-2?arch=x86_64",
                PackageUrl.of("pacman", new OsRelease("arch", "", ""), pkg("glibc", "2.40+r16+gaa533d58ff-2", "x86_64")).toString());
        assertEquals("pkg:deb/debian/bash@5.2.15-2?arch=amd64&distro=debian-trixie",
                PackageUrl.of("dpkg", new OsRelease("debian", "", "trixie"), pkg("bash", "5.2.15-2", "amd64")).toString());
        assertEquals("pkg:deb/debian/bash@5.2.15-2?arch=amd64",
                PackageUrl.of("dpkg", OsRelease.UNKNOWN, pkg("bash", "5.2.15-2", "amd64")).toString());
    }

    @Test
    void encodingAgreesWithPackageurlJava() throws Exception {
        for (String version : List.of("1.0~rc1", "2:1.0+dfsg-1~exp1", "1.0 beta", "a/b", "a?b#c&d=e%f@g")) {
            PackageUrl purl = new PackageUrl("deb", "debian", "x", version, new TreeMap<>(Map.of("arch", "amd64")));
            assertEquals(oracle(purl), purl.toString(), version);
            assertEquals(version, new PackageURL(purl.toString()).getVersion(), version);
        }
        // non-ASCII: the UTF-8 bytes, each percent-encoded (packageurl-java 1.5.0 decodes them as Latin-1)
        assertEquals("pkg:deb/debian/x@%C3%A91", new PackageUrl("deb", "debian", "x", "\u00e91", new TreeMap<>()).toString());
    }

    /**
     * packageurl-java's canonical form, but for the colon: version 1.5.0 still percent-encodes it,
     * which the spec's current tests (and its own parser) do not ask for. Our string must also
     * parse back, with packageurl-java, into the same components.
     */
    private static String oracle(PackageUrl p) throws Exception {
        PackageURL parsed = new PackageURL(p.toString());
        assertEquals(p.type(), parsed.getType());
        assertEquals(p.namespace().isEmpty() ? null : p.namespace(), parsed.getNamespace());
        assertEquals(p.name(), parsed.getName());
        assertEquals(p.version().isEmpty() ? null : p.version(), parsed.getVersion());
        assertEquals(p.qualifiers().isEmpty() ? null : p.qualifiers(), parsed.getQualifiers());
        return new PackageURL(p.type(), p.namespace().isEmpty() ? null : p.namespace(), p.name(),
                p.version().isEmpty() ? null : p.version(), new TreeMap<>(p.qualifiers()), null).canonicalize().replace("%3A", ":");
    }

    private static TreeMap<String, String> qualifiers(String spec) {
        TreeMap<String, String> q = new TreeMap<>();
        for (String kv : spec.split(",")) {
            String[] parts = kv.split("=", 2);
            q.put(parts[0], parts[1]);
        }
        return q;
    }

    static InstalledPackage pkg(String name, String version, String arch) {
        return new InstalledPackage(name, version, arch, MultiArch.NO, List.of(), List.of(), "");
    }
}
