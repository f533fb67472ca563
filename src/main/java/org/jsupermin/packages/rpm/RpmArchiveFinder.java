package org.jsupermin.packages.rpm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsupermin.packages.ConfigFileOptions;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;

/**
 * Finds the {@code .rpm} file of installed packages: in {@code --packages-from} by file name
 * ({@code NAME-VERSION-RELEASE.ARCH.rpm}) or by header, else downloaded with {@code dnf download}
 * or {@code yumdownloader} into the work directory when downloads are allowed.
 */
final class RpmArchiveFinder {

    private final ConfigFileOptions options;

    RpmArchiveFinder(ConfigFileOptions options) {
        this.options = options;
    }

    /** The package file of each package; throws naming the first one not found. */
    Map<InstalledPackage, Path> find(Collection<InstalledPackage> packages) throws PackageDatabaseException {
        Map<InstalledPackage, Path> found = new TreeMap<>();
        List<InstalledPackage> missing = search(packages, options.packagesFrom(), found);
        if (!missing.isEmpty() && options.allowDownload() && options.workDir() != null) {
            Path dir = options.workDir().resolve("rpms");
            if (download(missing, dir)) {
                missing = search(missing, dir, found);
            }
        }
        if (!missing.isEmpty()) {
            InstalledPackage p = missing.get(0);
            throw new PackageDatabaseException("no package file for " + nvra(p) + " to read its pristine config "
                    + "files from; pass --packages-from DIR with " + nvra(p) + ".rpm in it, or --use-installed");
        }
        return found;
    }

    /** NAME-VERSION-RELEASE.ARCH, without the epoch. */
    static String nvra(InstalledPackage p) {
        String v = p.version();
        int colon = v.indexOf(':');
        return p.name() + "-" + (colon >= 0 ? v.substring(colon + 1) : v) + "." + p.arch();
    }

    private static List<InstalledPackage> search(Collection<InstalledPackage> packages, Path dir,
                                                 Map<InstalledPackage, Path> found) throws PackageDatabaseException {
        List<InstalledPackage> missing = new ArrayList<>();
        List<Path> files;
        try {
            files = RpmConfigFiles.rpmFiles(dir);
        } catch (IOException e) {
            throw new PackageDatabaseException("listing " + dir + ": " + e.getMessage(), e);
        }
        Map<String, Path> byHeader = null;
        for (InstalledPackage p : packages) {
            Path byName = dir == null ? null : dir.resolve(nvra(p) + ".rpm");
            if (byName != null && Files.isRegularFile(byName)) {
                found.put(p, byName);
                continue;
            }
            if (byHeader == null) {
                byHeader = headers(files);
            }
            Path h = byHeader.get(p.name() + " " + p.version() + " " + p.arch());
            if (h != null) {
                found.put(p, h);
            } else {
                missing.add(p);
            }
        }
        return missing;
    }

    /** "name evr arch" of every readable package file; unreadable ones are skipped. */
    private static Map<String, Path> headers(List<Path> files) {
        Map<String, Path> out = new TreeMap<>();
        for (Path f : files) {
            try {
                RpmHeader h = RpmPackageFile.header(f);
                long epoch = h.number(RpmTag.EPOCH, -1);
                String evr = (epoch >= 0 ? epoch + ":" : "") + h.string(RpmTag.VERSION) + "-" + h.string(RpmTag.RELEASE);
                out.putIfAbsent(h.string(RpmTag.NAME) + " " + evr + " " + h.string(RpmTag.ARCH), f);
            } catch (PackageDatabaseException e) {
                // not a package we can match; another file may be
            }
        }
        return out;
    }

    /** Runs dnf download (or yumdownloader) once for all packages; false when neither exists. */
    private static boolean download(List<InstalledPackage> packages, Path dir) throws PackageDatabaseException {
        List<String> command = new ArrayList<>();
        if (onPath("dnf")) {
            command.addAll(List.of("dnf", "download", "--destdir", dir.toString()));
        } else if (onPath("yumdownloader")) {
            command.addAll(List.of("yumdownloader", "--destdir", dir.toString()));
        } else {
            return false;
        }
        for (InstalledPackage p : packages) {
            command.add(nvra(p));
        }
        try {
            Files.createDirectories(dir);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("LANG", "C");
            pb.environment().put("LC_ALL", "C");
            Process proc = pb.start();
            String log = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = proc.waitFor();
            if (rc != 0) {
                throw new PackageDatabaseException(String.join(" ", command.subList(0, 2)) + " failed (exit " + rc
                        + "): " + log.strip() + "; pass --packages-from DIR or --use-installed");
            }
            return true;
        } catch (IOException e) {
            throw new PackageDatabaseException("running " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackageDatabaseException("interrupted while running " + command.get(0), e);
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
