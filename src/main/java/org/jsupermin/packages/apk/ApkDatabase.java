package org.jsupermin.packages.apk;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jsupermin.packages.ConfigFile;
import org.jsupermin.packages.ConfigFileOptions;
import org.jsupermin.packages.ImageDatabase;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.LoadedPackages;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.packages.VersionScheme;

/**
 * Alpine's apk database. Config files are the package files under /etc present on the root;
 * pristine copies come from {@code NAME-VERSION.apk} (concatenated gzip tar streams) in
 * {@code --packages-from} or the root's {@code etc/apk/cache}.
 */
public final class ApkDatabase implements PackageDatabase {

    private final Path root;
    private List<InstalledPackage> packages;
    private final Map<InstalledPackage, List<PackageFile>> files = new HashMap<>();

    /** The database of {@code root}. */
    public ApkDatabase(Path root) {
        this.root = root;
    }

    @Override
    public String driverName() {
        return "apk";
    }

    @Override
    public Path root() {
        return root;
    }

    /** The root's etc/apk/arch, else the arch of musl or apk-tools, else x86_64. */
    @Override
    public String nativeArch() {
        try {
            String a = Files.readString(root.resolve("etc/apk/arch")).strip();
            if (!a.isEmpty()) {
                return a;
            }
        } catch (IOException e) {
            // fall back to the packages
        }
        return LoadedPackages.archOf(this, List.of("musl", "apk-tools"), "noarch", "x86_64");
    }

    @Override
    public List<Path> stateFiles() {
        return List.of(root.resolve(ApkDriver.INSTALLED), root.resolve("etc/apk/arch"));
    }

    @Override
    public VersionScheme versionScheme() {
        return ApkVersion.INSTANCE;
    }

    @Override
    public synchronized List<InstalledPackage> installedPackages() throws PackageDatabaseException {
        if (packages == null) {
            List<InstalledPackage> list = new ArrayList<>();
            for (ApkInstalledReader.Entry e : ApkInstalledReader.read(root.resolve(ApkDriver.INSTALLED))) {
                files.put(e.pkg(), e.files());
                list.add(e.pkg());
            }
            list.sort(null);
            packages = List.copyOf(list);
        }
        return packages;
    }

    @Override
    public Map<InstalledPackage, List<PackageFile>> files(Collection<InstalledPackage> wanted)
            throws PackageDatabaseException {
        installedPackages();
        return LoadedPackages.select(files, wanted, root);
    }

    /** Origin, installed size, maintainer, url, license, the SHA-1 of {@code C:} and the block, from one read. */
    @Override
    public Map<InstalledPackage, PackageDetails> details(Collection<InstalledPackage> wanted)
            throws PackageDatabaseException {
        return ApkDetails.read(root.resolve(ApkDriver.INSTALLED), wanted);
    }

    /** The installed database of {@code contained}, their world file and the architecture (see {@link ApkImageDatabase}). */
    @Override
    public ImageDatabase imageDatabase(Collection<InstalledPackage> contained,
                                       Map<InstalledPackage, PackageDetails> details) throws PackageDatabaseException {
        return ApkImageDatabase.write(root, contained);
    }

    @Override
    public List<ConfigFile> configFiles(Collection<InstalledPackage> wanted, ConfigFileOptions options)
            throws PackageDatabaseException {
        List<ConfigFile> out = new ArrayList<>();
        for (Map.Entry<InstalledPackage, List<PackageFile>> e : files(new TreeSet<>(wanted)).entrySet()) {
            Map<String, PackageFile> config = new LinkedHashMap<>();
            for (PackageFile f : e.getValue()) {
                Path p = root.resolve(f.path().substring(1));
                if (f.config() && Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    config.put(f.path(), f);
                }
            }
            if (config.isEmpty()) {
                continue;
            }
            String name = e.getKey().name();
            if (options.useInstalled()) {
                for (PackageFile f : config.values()) {
                    out.add(installed(f.path(), name));
                }
            } else {
                out.addAll(pristine(archive(e.getKey(), options), name, config));
            }
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    private ConfigFile installed(String path, String pkg) throws PackageDatabaseException {
        try {
            return ConfigFile.installed(root, path, pkg, 0777);
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + root.resolve(path.substring(1)) + ": " + e.getMessage(), e);
        }
    }

    private Path archive(InstalledPackage p, ConfigFileOptions options) throws PackageDatabaseException {
        String base = p.name() + "-" + p.version() + ".apk";
        for (Path dir : new Path[] {options.packagesFrom(), root.resolve("etc/apk/cache")}) {
            if (dir != null && Files.isRegularFile(dir.resolve(base))) {
                return dir.resolve(base);
            }
        }
        throw new PackageDatabaseException("no package file " + base + " to read pristine config files from; "
                + "pass --packages-from DIR with " + base + " in it, or --use-installed");
    }

    private static List<ConfigFile> pristine(Path archive, String pkg, Map<String, PackageFile> wanted)
            throws PackageDatabaseException {
        Map<String, PackageFile> left = new HashMap<>(wanted);
        List<ConfigFile> out = new ArrayList<>();
        // the signature, control and data segments are gzip members; only the last tar has an end marker
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null && !left.isEmpty()) {
                String path = "/" + (entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName());
                if (left.remove(path) == null) {
                    continue;
                }
                if (entry.isSymbolicLink()) {
                    out.add(new ConfigFile(path, 0777, entry.getLinkName(), new byte[0], pkg));
                } else {
                    byte[] data = tar.readAllBytes();
                    if (data.length != entry.getSize()) {
                        throw new IOException("truncated at " + path);
                    }
                    out.add(new ConfigFile(path, entry.getMode() & 07777, null, data, pkg));
                }
            }
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + archive + ": truncated or corrupt package: " + e.getMessage(), e);
        }
        if (!left.isEmpty()) {
            throw new PackageDatabaseException("reading " + archive + ": it lacks " + new TreeSet<>(left.keySet()));
        }
        return out;
    }
}
