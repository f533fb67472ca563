package org.jsupermin.build;

import java.util.List;
import java.util.concurrent.Future;

import org.jsupermin.format.OutputFormat;
import org.jsupermin.packages.ClosureDetails;
import org.jsupermin.packages.ImageDatabase;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.ContainerEssentials;
import org.jsupermin.tree.ImageDatabaseEntries;
import org.jsupermin.util.Reporter;

/**
 * What an output format asks of the tree beyond the packages' files: the package database of
 * its packages (read while the tree is assembled) and, for a container image, a warning when a
 * shell or the account files are missing.
 */
final class ImageContents {

    private final Future<ImageDatabase> database;

    private ImageContents(Future<ImageDatabase> database) {
        this.database = database;
    }

    /**
     * Starts reading the package database of {@code closure} (from the build's one reading of
     * their {@code details}) when {@code format} carries one and the request keeps it.
     */
    static ImageContents start(OutputFormat format, BuildRequest request, PackageDatabase db,
                               List<InstalledPackage> closure, ClosureDetails details, BuildTasks tasks) {
        boolean wanted = format.carriesPackageDatabase() && !request.formatOptions().has(OutputFormat.NO_PACKAGE_DB);
        return new ImageContents(wanted ? tasks.start("image-database",
                () -> db.imageDatabase(closure, details.get())) : null);
    }

    /**
     * {@code tree} with the package database added (its entries dated {@code epoch}, or the epoch
     * itself for a directory keeping host times), after the warnings the database and the
     * format's kind call for.
     */
    ApplianceTree finish(ApplianceTree tree, OutputFormat format, PackageDatabase db, Long epoch, Reporter reporter)
            throws Exception {
        ApplianceTree result = tree;
        if (database != null) {
            ImageDatabase image = BuildTasks.join(database);
            if (!image.warning().isEmpty()) {
                reporter.warning(image.warning());
            }
            result = ImageDatabaseEntries.add(tree, image, epoch == null ? 0 : epoch);
        }
        if (format.containerImage()) {
            String missing = ContainerEssentials.warning(result, db);
            if (!missing.isEmpty()) {
                reporter.warning(missing);
            }
        }
        return result;
    }
}
