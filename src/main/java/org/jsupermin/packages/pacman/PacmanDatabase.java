package org.jsupermin.packages.pacman;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.jsupermin.packages.MultiArch;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.packages.Provide;
import org.jsupermin.packages.Relation;
import org.jsupermin.packages.VersionScheme;

/**
 * pacman's local database: one directory per package under {@code var/lib/pacman/local} with a
 * {@code desc} (name, version, arch, depends, provides) and a {@code files} (files, backup = config).
 */
public final class PacmanDatabase implements PackageDatabase {

    private final Path root;
    private final Path local;
    private List<InstalledPackage> packages;
    private final Map<InstalledPackage, Path> dirs = new HashMap<>();

    /** The database of {@code root}. */
    public PacmanDatabase(Path root) {
        this.root = root;
        this.local = root.resolve(PacmanDriver.LOCAL);
    }

    @Override
    public String driverName() {
        return "pacman";
    }

    @Override
    public Path root() {
        return root;
    }

    /** The arch of the installed pacman or glibc package, else x86_64. */
    @Override
    public String nativeArch() {
        return LoadedPackages.archOf(this, List.of("pacman", "glibc"), "any", "x86_64");
    }

    /** The local database directory (a package added or removed changes it) and every package's desc. */
    @Override
    public List<Path> stateFiles() throws PackageDatabaseException {
        List<Path> files = new ArrayList<>();
        files.add(local);
        List<Path> descs = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(local)) {
            for (Path p : s) {
                if (Files.isDirectory(p)) {
                    descs.add(p.resolve("desc"));
                }
            }
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + local + ": " + e.getMessage(), e);
        }
        descs.sort(null);
        files.addAll(descs);
        return files;
    }

    @Override
    public VersionScheme versionScheme() {
        return PacmanVersion.INSTANCE;
    }

    @Override
    public synchronized List<InstalledPackage> installedPackages() throws PackageDatabaseException {
        if (packages == null) {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(local)) {
                for (Path p : s) {
                    if (Files.isDirectory(p)) {
                        entries.add(p);
                    }
                }
            } catch (IOException e) {
                throw new PackageDatabaseException("reading " + local + ": " + e.getMessage(), e);
            }
            entries.sort(null);
            List<InstalledPackage> list = new ArrayList<>();
            for (Path dir : entries) {
                InstalledPackage p = parse(dir.resolve("desc"));
                dirs.put(p, dir);
                list.add(p);
            }
            list.sort(null);
            packages = List.copyOf(list);
        }
        return packages;
    }

    private static InstalledPackage parse(Path descFile) throws PackageDatabaseException {
        PacmanDesc desc = PacmanDesc.read(descFile, false);
        String name = desc.value("NAME");
        String version = desc.value("VERSION");
        if (name == null || version == null) {
            throw new PackageDatabaseException("reading " + descFile + ": no %NAME% or %VERSION%");
        }
        String arch = desc.value("ARCH") == null ? "any" : desc.value("ARCH");
        List<List<Dependency>> depends = new ArrayList<>();
        for (String d : desc.values("DEPENDS")) {
            depends.add(List.of(dependency(d)));
        }
        List<Provide> provides = new ArrayList<>();
        for (String p : desc.values("PROVIDES")) {
            int eq = p.indexOf('=');
            provides.add(eq < 0 ? new Provide(p, null) : new Provide(p.substring(0, eq), p.substring(eq + 1)));
        }
        return new InstalledPackage(name, version, arch, MultiArch.NO, depends, provides, "");
    }

    /** "glibc>=2.38", "sh", "libfoo.so=1-64"; a ": description" suffix is dropped. */
    static Dependency dependency(String text) {
        String d = text;
        int colon = d.indexOf(": ");
        if (colon >= 0) {
            d = d.substring(0, colon);
        }
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c == '<' || c == '>' || c == '=') {
                int j = i + 1;
                if (j < d.length() && d.charAt(j) == '=') {
                    j++;
                }
                return new Dependency(d.substring(0, i), null, Relation.parse(d.substring(i, j)), d.substring(j));
            }
        }
        return Dependency.on(d.strip());
    }

    @Override
    public Map<InstalledPackage, List<PackageFile>> files(Collection<InstalledPackage> wanted)
            throws PackageDatabaseException {
        installedPackages();
        Map<InstalledPackage, List<PackageFile>> out = new LinkedHashMap<>();
        for (InstalledPackage p : wanted) {
            Path dir = dirs.get(p);
            if (dir == null) {
                throw new PackageDatabaseException("package " + p + " is not installed in " + root);
            }
            PacmanDesc files = PacmanDesc.read(dir.resolve("files"), true);
            Set<String> backup = backup(files);
            List<PackageFile> list = new ArrayList<>();
            for (String f : files.values("FILES")) {
                String path = "/" + (f.endsWith("/") ? f.substring(0, f.length() - 1) : f);
                list.add(new PackageFile(path, path, backup.contains(path), null));
            }
            out.put(p, list);
        }
        return out;
    }

    /**
     * %BASE%, %SIZE%, %PACKAGER%, %URL% and %LICENSE% (several joined with " AND ") of each
     * package, and its desc file as the record.
     */
    @Override
    public Map<InstalledPackage, PackageDetails> details(Collection<InstalledPackage> wanted)
            throws PackageDatabaseException {
        Map<InstalledPackage, PackageDetails> out = new java.util.TreeMap<>();
        for (InstalledPackage p : wanted) {
            out.put(p, PacmanDetails.read(directory(p).resolve("desc"), p));
        }
        return out;
    }

    /** The local database directories of {@code contained} (see {@link PacmanImageDatabase}). */
    @Override
    public ImageDatabase imageDatabase(Collection<InstalledPackage> contained,
                                       Map<InstalledPackage, PackageDetails> details) throws PackageDatabaseException {
        return PacmanImageDatabase.write(this, contained);
    }

    /** The directory of {@code p} in the local database. */
    Path directory(InstalledPackage p) throws PackageDatabaseException {
        installedPackages();
        Path dir = dirs.get(p);
        if (dir == null) {
            throw new PackageDatabaseException("package " + p + " is not installed in " + root);
        }
        return dir;
    }

    /** The %BACKUP% paths ("etc/pacman.conf\t<md5>"), absolute. */
    private static Set<String> backup(PacmanDesc files) {
        Set<String> out = new TreeSet<>();
        for (String b : files.values("BACKUP")) {
            int tab = b.indexOf('\t');
            out.add("/" + (tab < 0 ? b : b.substring(0, tab)));
        }
        return out;
    }

    @Override
    public List<ConfigFile> configFiles(Collection<InstalledPackage> wanted, ConfigFileOptions options)
            throws PackageDatabaseException {
        return new PacmanConfigFiles(root).read(files(wanted), options);
    }
}
