package org.jsupermin.packages.dpkg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jsupermin.packages.ConfigFileOptions;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.util.IoErrors;

/**
 * Finds the .deb of installed packages: in the user's package directory, in the root's apt
 * cache, or (when allowed) by one {@code apt-get download} run for all that are still missing.
 */
final class DebLocator {

    private static final long DOWNLOAD_TIMEOUT_MINUTES = 30;

    private final Path root;

    DebLocator(Path root) {
        this.root = root;
    }

    /** The file name apt gives a package's .deb: name_version_arch.deb with ':' as "%3a". */
    static String debFileName(InstalledPackage pkg) {
        return pkg.name() + "_" + pkg.version().replace(":", "%3a") + "_" + pkg.arch() + ".deb";
    }

    /** The .deb of every given package, keyed by package id; throws naming those not found. */
    Map<String, Path> locate(Collection<InstalledPackage> packages, ConfigFileOptions options)
            throws PackageDatabaseException {
        Map<String, Path> found = new TreeMap<>();
        List<InstalledPackage> missing = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        if (options.packagesFrom() != null) {
            dirs.add(options.packagesFrom());
        }
        dirs.add(root.resolve("var/cache/apt/archives"));
        for (InstalledPackage pkg : packages) {
            Path deb = findIn(dirs, pkg);
            if (deb != null) {
                found.put(pkg.id(), deb);
            } else {
                missing.add(pkg);
            }
        }
        if (!missing.isEmpty() && options.allowDownload()) {
            Path workDir = options.workDir();
            try {
                download(missing, workDir);
            } catch (PackageDatabaseException batchFailed) {
                // one unavailable version fails the whole batch: fetch the others one by one
                if (missing.size() == 1) {
                    throw batchFailed;
                }
                List<String> failures = new ArrayList<>();
                for (InstalledPackage pkg : missing) {
                    try {
                        download(List.of(pkg), workDir);
                    } catch (PackageDatabaseException e) {
                        failures.add(e.getMessage());
                    }
                }
                if (!failures.isEmpty()) {
                    throw new PackageDatabaseException(String.join("; ", failures));
                }
            }
            List<InstalledPackage> still = new ArrayList<>();
            for (InstalledPackage pkg : missing) {
                Path deb = findIn(List.of(workDir), pkg);
                if (deb != null) {
                    found.put(pkg.id(), deb);
                } else {
                    still.add(pkg);
                }
            }
            missing = still;
            dirs.add(workDir);
        }
        if (!missing.isEmpty()) {
            throw new PackageDatabaseException("no .deb found for " + names(missing) + " (looked in "
                    + dirs.stream().map(Path::toString).toList() + ", e.g. " + debFileName(missing.get(0)) + ")"
                    + (options.allowDownload() ? "" : "; allow downloads, give a directory of packages,"
                    + " or use --use-installed"));
        }
        return found;
    }

    private static Path findIn(List<Path> dirs, InstalledPackage pkg) {
        for (Path dir : dirs) {
            for (String name : List.of(debFileName(pkg), pkg.nameVersionArch() + ".deb")) {
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Runs one {@code apt-get download name:arch=version ...} in {@code workDir}. */
    private static void download(List<InstalledPackage> packages, Path workDir) throws PackageDatabaseException {
        if (workDir == null) {
            throw new PackageDatabaseException("downloading " + names(packages) + ": no work directory given");
        }
        List<String> command = new ArrayList<>(List.of("apt-get", "download"));
        for (InstalledPackage pkg : packages) {
            command.add(pkg.name() + ":" + pkg.arch() + "=" + pkg.version());
        }
        try {
            Files.createDirectories(workDir);
            Path err = Files.createTempFile(workDir, "apt-get-download", ".err");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(false)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile());
            pb.environment().put("LANG", "C");
            pb.environment().remove("LC_ALL");
            Process process = pb.start();
            if (!process.waitFor(DOWNLOAD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new PackageDatabaseException("running " + String.join(" ", command) + ": timed out");
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();
            Files.deleteIfExists(err);
            if (process.exitValue() != 0) {
                throw new PackageDatabaseException("running " + String.join(" ", command) + " failed (exit "
                        + process.exitValue() + "): " + stderr
                        + "; give a directory of packages or use --use-installed");
            }
        } catch (IOException e) {
            throw new PackageDatabaseException("running " + String.join(" ", command) + ": " + IoErrors.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackageDatabaseException("running " + String.join(" ", command) + ": interrupted", e);
        }
    }

    private static String names(List<InstalledPackage> packages) {
        return String.join(", ", packages.stream().map(InstalledPackage::toString).toList());
    }
}
