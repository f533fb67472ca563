package org.jsupermin.packages.pacman;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jsupermin.packages.ConfigFile;
import org.jsupermin.packages.ConfigFileOptions;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.LoadedPackages;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageFile;
import org.tukaani.xz.XZInputStream;

/**
 * The backup (config) files of pacman packages under the root's /etc: from the root, or pristine
 * from {@code NAME-VERSION-ARCH.pkg.tar.{zst,xz,gz}} in {@code --packages-from} or the root's
 * {@code var/cache/pacman/pkg}.
 */
final class PacmanConfigFiles {

    private static final String[] SUFFIXES = {".pkg.tar.zst", ".pkg.tar.xz", ".pkg.tar.gz"};
    private final Path root;

    PacmanConfigFiles(Path root) {
        this.root = root;
    }

    List<ConfigFile> read(Map<InstalledPackage, List<PackageFile>> files, ConfigFileOptions options)
            throws PackageDatabaseException {
        Map<InstalledPackage, List<PackageFile>> wanted = LoadedPackages.presentConfigFiles(files, root);
        List<ConfigFile> out = new ArrayList<>();
        for (Map.Entry<InstalledPackage, List<PackageFile>> e : wanted.entrySet()) {
            String name = e.getKey().name();
            if (options.useInstalled()) {
                for (PackageFile f : e.getValue()) {
                    out.add(installed(f, name));
                }
            } else {
                out.addAll(pristine(archive(e.getKey(), options), name, e.getValue()));
            }
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    private ConfigFile installed(PackageFile f, String pkg) throws PackageDatabaseException {
        try {
            return ConfigFile.installed(root, f.path(), pkg, 0777);
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + root.resolve(f.path().substring(1)) + ": " + e.getMessage(), e);
        }
    }

    private Path archive(InstalledPackage p, ConfigFileOptions options) throws PackageDatabaseException {
        String base = p.name() + "-" + p.version() + "-" + p.arch();
        List<Path> dirs = new ArrayList<>();
        if (options.packagesFrom() != null) {
            dirs.add(options.packagesFrom());
        }
        dirs.add(root.resolve("var/cache/pacman/pkg"));
        for (Path dir : dirs) {
            for (String suffix : SUFFIXES) {
                Path f = dir.resolve(base + suffix);
                if (Files.isRegularFile(f)) {
                    return f;
                }
            }
        }
        throw new PackageDatabaseException("no package file for " + base + " to read its pristine config files from; "
                + "pass --packages-from DIR with " + base + ".pkg.tar.zst (or .xz, .gz) in it, or --use-installed");
    }

    private static List<ConfigFile> pristine(Path archive, String pkg, List<PackageFile> wanted)
            throws PackageDatabaseException {
        Map<String, PackageFile> byPath = new HashMap<>();
        for (PackageFile f : wanted) {
            byPath.put(f.path(), f);
        }
        List<ConfigFile> out = new ArrayList<>();
        try (InputStream in = decompress(new BufferedInputStream(Files.newInputStream(archive), 1 << 16), archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null && !byPath.isEmpty()) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                String path = "/" + name;
                if (byPath.remove(path) == null) {
                    continue;
                }
                if (entry.isSymbolicLink()) {
                    out.add(new ConfigFile(path, 0777, entry.getLinkName(), new byte[0], pkg));
                } else if (entry.isFile()) {
                    byte[] data = tar.readAllBytes();
                    if (data.length != entry.getSize()) {
                        throw new IOException("truncated at " + path);
                    }
                    out.add(new ConfigFile(path, entry.getMode() & 07777, null, data, pkg));
                }
            }
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + archive + ": truncated or corrupt archive: "
                    + e.getMessage(), e);
        }
        if (!byPath.isEmpty()) {
            throw new PackageDatabaseException("reading " + archive + ": it lacks " + new TreeSet<>(byPath.keySet()));
        }
        return out;
    }

    private static InputStream decompress(InputStream in, Path archive) throws IOException, PackageDatabaseException {
        String name = archive.getFileName().toString();
        if (name.endsWith(".gz")) {
            return new GZIPInputStream(in, 1 << 16);
        }
        if (name.endsWith(".xz")) {
            return new XZInputStream(in);
        }
        return new ZstdInputStream(in);
    }
}
