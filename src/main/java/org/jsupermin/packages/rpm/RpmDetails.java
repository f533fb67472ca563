package org.jsupermin.packages.rpm;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.LoadedPackages;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDetails;

/**
 * The {@link PackageDetails} of packages of an {@code rpmdb.sqlite}: the source rpm's name and
 * version (from SOURCERPM), SIZE, PACKAGER (else VENDOR), URL, LICENSE, and SHA256HEADER and
 * SIGMD5 as checksums. One scan of the database for the whole set; rpm has no textual record.
 */
final class RpmDetails {

    private RpmDetails() {
    }

    /**
     * The details of each of {@code packages}, sorted (a sorted map: hashing package records would
     * parse every dependency list), from {@code dbFile}.
     */
    static Map<InstalledPackage, PackageDetails> read(Path dbFile, Collection<InstalledPackage> packages)
            throws PackageDatabaseException {
        Map<String, InstalledPackage> wanted = new TreeMap<>();
        for (InstalledPackage p : packages) {
            wanted.put(p.toString(), p);
        }
        Map<String, PackageDetails> found = new TreeMap<>();
        try (SqliteFile db = SqliteFile.open(dbFile)) {
            db.scan(db.rootPage("Packages"), (rowid, values) -> {
                String where = "reading " + dbFile + ": package " + rowid;
                if (values.size() < 2 || !(values.get(1) instanceof byte[] blob)) {
                    throw new PackageDatabaseException(where + ": row without a header blob");
                }
                RpmHeader h = RpmHeader.parse(blob, 0, where);
                String name = h.string(RpmTag.NAME);
                long epoch = h.number(RpmTag.EPOCH, -1);
                String evr = (epoch >= 0 ? epoch + ":" : "") + h.string(RpmTag.VERSION) + "-" + h.string(RpmTag.RELEASE);
                String arch = h.string(RpmTag.ARCH) == null ? "noarch" : h.string(RpmTag.ARCH);
                String key = name + ":" + arch + "=" + evr;
                InstalledPackage p = wanted.get(key);
                if (p != null) {
                    found.put(key, details(p, h));
                }
            });
        }
        return LoadedPackages.detailsOf(packages, found, dbFile);
    }

    private static PackageDetails details(InstalledPackage p, RpmHeader h) throws PackageDatabaseException {
        String source = p.name();
        String sourceVersion = p.version();
        String srpm = h.string(RpmTag.SOURCERPM);
        if (srpm != null) {
            String[] nvr = sourceNameVersion(srpm);
            if (nvr != null) {
                source = nvr[0];
                sourceVersion = nvr[1];
            }
        }
        long size = h.has(RpmTag.LONGSIZE) ? h.number(RpmTag.LONGSIZE, 0) : h.number(RpmTag.SIZE, 0);
        String packager = h.string(RpmTag.PACKAGER);
        String maintainer = packager != null && !packager.isBlank() ? packager : orEmpty(h.string(RpmTag.VENDOR));
        TreeMap<String, String> checksums = new TreeMap<>();
        String sha256 = h.has(RpmTag.SHA256HEADER) ? h.string(RpmTag.SHA256HEADER) : null;
        if (sha256 != null && sha256.matches("[0-9a-fA-F]{64}")) {
            checksums.put("SHA256", sha256.toLowerCase(java.util.Locale.ROOT));
        }
        byte[] md5 = h.bytes(RpmTag.SIGMD5);
        if (md5.length == 16) {
            checksums.put("MD5", HexFormat.of().formatHex(md5));
        }
        return new PackageDetails(source, sourceVersion, Math.max(0, size), maintainer, orEmpty(h.string(RpmTag.URL)),
                orEmpty(h.string(RpmTag.LICENSE)), checksums, "");
    }

    /**
     * The name and version-release of a source rpm's file name ("glibc-2.39-4.fc40.src.rpm" gives
     * glibc and 2.39-4.fc40), or null when it is not of that form.
     */
    static String[] sourceNameVersion(String srpm) {
        String s = srpm;
        for (String suffix : new String[] {".src.rpm", ".nosrc.rpm"}) {
            if (s.endsWith(suffix)) {
                s = s.substring(0, s.length() - suffix.length());
                break;
            }
        }
        int release = s.lastIndexOf('-');
        int version = release <= 0 ? -1 : s.lastIndexOf('-', release - 1);
        if (version <= 0) {
            return null;
        }
        return new String[] {s.substring(0, version), s.substring(version + 1)};
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
