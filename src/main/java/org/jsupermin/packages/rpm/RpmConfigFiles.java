package org.jsupermin.packages.rpm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.jsupermin.packages.ConfigFile;
import org.jsupermin.packages.ConfigFileOptions;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.LoadedPackages;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageFile;

/**
 * The config files of rpm packages under the root's /etc: from the root itself, or pristine from
 * the {@code .rpm} files (in {@code --packages-from}, or fetched with dnf/yumdownloader).
 */
final class RpmConfigFiles {

    private final Path root;

    RpmConfigFiles(Path root) {
        this.root = root;
    }

    /** The config files of the given packages, sorted by path. */
    List<ConfigFile> read(Map<InstalledPackage, List<PackageFile>> files, ConfigFileOptions options)
            throws PackageDatabaseException {
        Map<InstalledPackage, List<PackageFile>> wanted = LoadedPackages.presentConfigFiles(files, root);
        List<ConfigFile> out = new ArrayList<>();
        if (options.useInstalled()) {
            for (Map.Entry<InstalledPackage, List<PackageFile>> e : wanted.entrySet()) {
                for (PackageFile f : e.getValue()) {
                    out.add(installed(f, e.getKey().name()));
                }
            }
        } else {
            Map<InstalledPackage, Path> archives = new RpmArchiveFinder(options).find(wanted.keySet());
            for (Map.Entry<InstalledPackage, List<PackageFile>> e : wanted.entrySet()) {
                out.addAll(pristine(archives.get(e.getKey()), e.getKey().name(), e.getValue()));
            }
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    private Path onRoot(String path) {
        return root.resolve(path.substring(1));
    }

    private ConfigFile installed(PackageFile f, String pkg) throws PackageDatabaseException {
        try {
            ConfigFile c = ConfigFile.installed(root, f.path(), pkg, 0777);
            // the mode rpm recorded, setuid and all, where the database has it
            return c.symlinkTarget() != null || f.metadata() == null ? c
                    : new ConfigFile(c.path(), f.metadata().mode() & 07777, null, c.content(), pkg);
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + onRoot(f.path()) + ": " + e.getMessage(), e);
        }
    }

    /** Reads the wanted files out of the package's cpio payload. */
    private static List<ConfigFile> pristine(Path rpm, String pkg, List<PackageFile> wanted)
            throws PackageDatabaseException {
        Map<String, PackageFile> byPath = new HashMap<>();
        for (PackageFile f : wanted) {
            byPath.put(f.path(), f);
        }
        List<ConfigFile> out = new ArrayList<>();
        try (InputStream payload = RpmPackageFile.payload(rpm);
             CpioArchiveInputStream cpio = new CpioArchiveInputStream(payload, StandardCharsets.UTF_8.name())) {
            CpioArchiveEntry entry;
            while ((entry = cpio.getNextEntry()) != null) {
                String name = entry.getName();
                String path = name.startsWith("./") ? name.substring(1) : name.startsWith("/") ? name : "/" + name;
                PackageFile f = byPath.remove(path);
                if (f == null) {
                    continue;
                }
                byte[] data = cpio.readAllBytes();
                if (data.length != entry.getSize()) {
                    throw new IOException("truncated payload at " + path);
                }
                int mode = (int) entry.getMode();
                if (entry.isSymbolicLink()) {
                    out.add(new ConfigFile(path, 0777, new String(data, StandardCharsets.UTF_8), new byte[0], pkg));
                } else if (entry.isRegularFile()) {
                    out.add(new ConfigFile(path, mode & 07777, null, data, pkg));
                }
            }
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + rpm + ": truncated or corrupt payload: " + e.getMessage(), e);
        }
        if (!byPath.isEmpty()) {
            throw new PackageDatabaseException("reading " + rpm + ": its payload lacks "
                    + new java.util.TreeSet<>(byPath.keySet()));
        }
        return out;
    }

    /** The *.rpm files directly in {@code dir}, sorted; none when it is null or missing. */
    static List<Path> rpmFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.rpm")) {
            for (Path p : s) {
                out.add(p);
            }
        }
        out.sort(null);
        return out;
    }
}
