package org.jsupermin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.resolve.Resolution;
import org.jsupermin.resolve.Resolver;
import org.jsupermin.resolve.UnresolvedDependencyException;
import org.jsupermin.util.TempFiles;

/** Resolving requested packages against a database, with warnings shown. */
final class Resolutions {

    private Resolutions() {
    }

    /**
     * Resolves {@code requested}. With {@code skipMissing} (--build), requested names that are
     * not installed are left out with one warning, as supermin does: an appliance's package list
     * may name packages of several releases of a distribution. Without it (--prepare, whose
     * packages are named on the command line) they are an error.
     */
    static Resolution resolve(PackageDatabase db, List<String> requested, boolean skipMissing, Console console)
            throws PackageDatabaseException, UnresolvedDependencyException {
        Resolver resolver = new Resolver(db.installedPackages(), db.versionScheme(), db.nativeArch());
        Resolution resolution;
        try {
            resolution = resolver.resolve(requested);
        } catch (UnresolvedDependencyException e) {
            if (!skipMissing) {
                throw e;
            }
            List<String> shown = new ArrayList<>();
            for (String name : e.missing()) {
                shown.add(Shown.of(name));
            }
            console.warning("not installed on this host, left out of the appliance: " + String.join(", ", shown));
            List<String> installed = new ArrayList<>(requested);
            installed.removeAll(e.missing());
            resolution = resolver.resolve(installed);
        }
        for (String w : resolution.warnings()) {
            console.warning(w);
        }
        return resolution;
    }

    /** --graph (and --graph-depth): writes the closure as DOT, SVG or PNG, atomically (see {@link GraphOutput}). */
    static void writeGraph(Resolution resolution, Path file, String depth)
            throws IOException, CommandException, UsageException {
        GraphOutput.write(resolution.toDot(GraphOutput.depth(depth)), file);
    }

    /** --explain: prints the chains that bring a package in; an error when it is not in the closure. */
    static void explain(Resolution resolution, String pkg, PrintWriter out) throws CommandException {
        List<String> lines = resolution.explain(pkg);
        if (lines.isEmpty()) {
            // the command line is right; the answer is that nothing brings the package in
            throw new CommandException(pkg + " is not in the closure of " + String.join(" ", resolution.requested())
                    + ": no requested package depends on it");
        }
        lines.forEach(out::println);
        out.flush();
    }
}
