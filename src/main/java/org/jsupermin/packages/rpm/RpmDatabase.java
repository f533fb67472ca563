package org.jsupermin.packages.rpm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsupermin.packages.ConfigFile;
import org.jsupermin.packages.ConfigFileOptions;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.ImageDatabase;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.LoadedPackages;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.packages.Provide;
import org.jsupermin.packages.VersionScheme;

/**
 * An rpm database read straight from its {@code rpmdb.sqlite}. Requirements on file paths are
 * satisfied by the packages owning those paths, which get the paths as extra provides.
 */
public final class RpmDatabase implements PackageDatabase {

    private final Path root;
    private final Path dbFile;
    private List<InstalledPackage> packages;
    private Map<InstalledPackage, List<PackageFile>> files;

    /** A database over {@code dbFile}, the rpmdb.sqlite of {@code root}. */
    public RpmDatabase(Path root, Path dbFile) {
        this.root = root;
        this.dbFile = dbFile;
    }

    @Override
    public String driverName() {
        return "rpm";
    }

    @Override
    public Path root() {
        return root;
    }

    /** The arch of the installed rpm or glibc package, else x86_64. */
    @Override
    public String nativeArch() {
        return LoadedPackages.archOf(this, List.of("rpm", "glibc"), "noarch", "x86_64");
    }

    /**
     * The database, its write-ahead log (read as a refusal when not empty), and the root and its
     * /usr, whose directory links a file requirement may go through when no package lists them.
     */
    @Override
    public List<Path> stateFiles() {
        return List.of(dbFile, dbFile.resolveSibling(dbFile.getFileName() + "-wal"), root, root.resolve("usr"));
    }

    @Override
    public VersionScheme versionScheme() {
        return RpmVersion.INSTANCE;
    }

    @Override
    public synchronized List<InstalledPackage> installedPackages() throws PackageDatabaseException {
        if (packages == null) {
            load();
        }
        return packages;
    }

    @Override
    public Map<InstalledPackage, List<PackageFile>> files(Collection<InstalledPackage> wanted)
            throws PackageDatabaseException {
        installedPackages();
        return LoadedPackages.select(files, wanted, root);
    }

    @Override
    public List<ConfigFile> configFiles(Collection<InstalledPackage> wanted, ConfigFileOptions options)
            throws PackageDatabaseException {
        return new RpmConfigFiles(root).read(files(wanted), options);
    }

    /**
     * The source rpm's name and version, SIZE, PACKAGER (else VENDOR), URL, LICENSE and the
     * header's SHA-256 and SIGMD5 of each package, from one more scan of the database.
     */
    @Override
    public Map<InstalledPackage, PackageDetails> details(Collection<InstalledPackage> wanted)
            throws PackageDatabaseException {
        return RpmDetails.read(dbFile, wanted);
    }

    /**
     * None: an rpm database is an sqlite file of signed headers that only rpm's own library writes
     * faithfully; the image goes without one, and says so.
     */
    @Override
    public ImageDatabase imageDatabase(Collection<InstalledPackage> contained,
                                       Map<InstalledPackage, PackageDetails> details) {
        return ImageDatabase.none("the image has no rpm database (writing rpmdb.sqlite is not supported): rpm -qa in it"
                + " lists nothing and scanners find no rpm packages; pass --no-package-db to silence this");
    }

    private void load() throws PackageDatabaseException {
        AccountNames accounts = AccountNames.of(root);
        List<RpmHeaderPackage> read = new ArrayList<>();
        try (SqliteFile db = SqliteFile.open(dbFile)) {
            long rootPage = db.rootPage("Packages");
            db.scan(rootPage, (rowid, values) -> {
                String where = "reading " + dbFile + ": package " + rowid;
                if (values.size() < 2 || !(values.get(1) instanceof byte[] blob)) {
                    throw new PackageDatabaseException(where + ": row without a header blob");
                }
                RpmHeaderPackage p = RpmHeaderPackage.of(RpmHeader.parse(blob, 0, where), accounts, where);
                if (!p.pkg().name().equals("gpg-pubkey")) {
                    read.add(p);
                }
            });
        }
        // file requirements: give each required path to the packages that own it
        Set<String> requiredPaths = new TreeSet<>();
        for (RpmHeaderPackage p : read) {
            for (List<Dependency> alternatives : p.pkg().depends()) {
                for (Dependency d : alternatives) {
                    if (d.name().startsWith("/")) {
                        requiredPaths.add(d.name());
                    }
                }
            }
        }
        Map<String, List<String>> requiredBy = requiredPathsByOwnedPath(read, requiredPaths);
        Map<InstalledPackage, List<PackageFile>> byPackage = new HashMap<>();
        List<InstalledPackage> list = new ArrayList<>();
        for (RpmHeaderPackage p : read) {
            InstalledPackage pkg = p.pkg();
            List<Provide> extra = new ArrayList<>();
            for (PackageFile f : p.files()) {
                for (String required : requiredBy.getOrDefault(f.path(), List.of())) {
                    extra.add(new Provide(required, null));
                }
            }
            if (!extra.isEmpty()) {
                List<Provide> all = new ArrayList<>(pkg.provides());
                all.addAll(extra);
                pkg = new InstalledPackage(pkg.name(), pkg.version(), pkg.arch(), pkg.multiArch(), pkg.depends(),
                        all, pkg.vendor());
            }
            byPackage.put(pkg, p.files());
            list.add(pkg);
        }
        list.sort(null);
        packages = List.copyOf(list);
        files = byPackage;
    }

    /**
     * For each owned path that satisfies a file requirement, the required paths it satisfies:
     * itself, and the paths that reach it through a symlinked directory (/bin/sh for
     * /usr/bin/sh behind /bin -> usr/bin) when no package owns the required path itself.
     */
    private Map<String, List<String>> requiredPathsByOwnedPath(List<RpmHeaderPackage> read, Set<String> requiredPaths) {
        Set<String> owned = new HashSet<>();
        Map<String, String> links = new HashMap<>();
        for (RpmHeaderPackage p : read) {
            for (PackageFile f : p.files()) {
                owned.add(f.path());
                if (f.metadata() != null && f.metadata().linkTarget() != null) {
                    links.put(f.path(), f.metadata().linkTarget());
                }
            }
        }
        PathAliases aliases = new PathAliases(links, root);
        Map<String, List<String>> out = new HashMap<>();
        for (String required : requiredPaths) {
            String target = owned.contains(required) ? required : aliases.canonical(required);
            out.computeIfAbsent(target, k -> new ArrayList<>()).add(required);
        }
        return out;
    }
}
