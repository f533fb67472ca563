package org.jsupermin.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;

import org.jsupermin.packages.ClosureDetails;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.resolve.Resolution;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.util.Reporter;
import org.jsupermin.util.Threads;

/**
 * Everything a format's {@code write} gets.
 *
 * @param tree the appliance
 * @param resolution the packages in it, in closure order, with their dependency graph (null when
 *     the tree was not built from packages)
 * @param database the opened package database, to read only (null likewise)
 * @param packageFiles the file lists of the resolution's packages, as the tree was built from them
 *     (null likewise)
 * @param details the details of the resolution's packages, read once for the whole build (null
 *     likewise)
 * @param sbom the {@code --sbom} document the build is making, shared by its file and an output
 *     that carries it too; null without {@code --sbom}
 * @param settings root, environment, options, epoch and reporter
 * @param early what {@link OutputFormat#early} returned for this build, or null
 */
public record FormatContext(ApplianceTree tree, Resolution resolution, PackageDatabase database,
                            Map<InstalledPackage, List<PackageFile>> packageFiles, ClosureDetails details,
                            Future<byte[]> sbom, FormatSettings settings, EarlyStart early) {

    public FormatContext {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(settings, "settings");
    }

    /** A context for a tree alone (tests, library use). */
    public static FormatContext of(ApplianceTree tree, FormatOptions options, Reporter reporter) {
        return new FormatContext(tree, null, null, null, null, null, FormatSettings.of(options, reporter), null);
    }

    /** The bytes of the {@code --sbom} document, once the build has made it; null without {@code --sbom}. */
    public byte[] sbomDocument() throws IOException, FormatException {
        if (sbom == null) {
            return null;
        }
        try {
            return Threads.await(sbom, PackageDatabaseException.class, "the SBOM");
        } catch (PackageDatabaseException e) {
            throw new FormatException("making the SBOM: " + e.getMessage(), e);
        }
    }

    public Reporter reporter() {
        return settings.reporter();
    }

    public FormatOptions options() {
        return settings.options();
    }

    public Long epoch() {
        return settings.epoch();
    }

    public Path root() {
        return settings.root();
    }

    public Map<String, String> environment() {
        return settings.environment();
    }
}
