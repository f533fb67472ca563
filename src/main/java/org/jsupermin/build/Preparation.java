package org.jsupermin.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsupermin.manifest.BaseFile;
import org.jsupermin.manifest.ManifestWriter;
import org.jsupermin.packages.ConfigFile;
import org.jsupermin.packages.ConfigFileOptions;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.drivers.PackageDatabases;
import org.jsupermin.resolve.Resolution;
import org.jsupermin.util.AtomicOutput;
import org.jsupermin.util.FileTrees;
import org.jsupermin.util.Reporter;
import org.jsupermin.util.SourceDateEpoch;

/** Preparing: resolve the packages and write {@code packages} and {@code base.tar.gz}, atomically. */
final class Preparation {

    private Preparation() {
    }

    static PrepareResult run(PrepareRequest request, Reporter reporter) throws Exception {
        Path out = request.output();
        if (out == null && !request.resolveOnly()) {
            throw new InvalidRequestException("no output directory given to prepare into");
        }
        if (out != null && Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidRequestException("output " + out + " is an existing file, not a directory; remove it or give another -o");
        }
        long t0 = System.nanoTime();
        reporter.begin("resolving packages", -1);
        Long epoch = SourceDateEpoch.fromEnvironment(request.environment());
        // the archive writer's classes load on the second core while the database is read
        Thread warmUp = new Thread(ManifestWriter::warmUp, "warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        PackageDatabase db = PackageDatabases.detect(request.root());
        reporter.info(1, "package database: " + db.driverName() + " under " + db.root());
        Resolution resolution = Resolutions.resolve(db, request.packages(), false, reporter);
        reporter.end();
        reporter.info(1, "resolved " + request.packages().size() + " requested package(s) to "
                + resolution.closure().size());
        if (request.resolveOnly()) {
            return new PrepareResult(null, resolution, 0, System.nanoTime() - t0);
        }

        reporter.begin("reading config files", -1);
        AtomicOutput output = AtomicOutput.begin(out);
        int configCount;
        Path work = Files.createTempDirectory("jsupermin-prepare-");
        try {
            List<ConfigFile> configs = db.configFiles(resolution.closure(),
                    new ConfigFileOptions(request.useInstalled(), request.packagesFrom(), true, work));
            configCount = configs.size();
            reporter.begin("writing " + out.getFileName(), -1);
            List<BaseFile> base = new ArrayList<>(configs.size());
            for (ConfigFile c : configs) {
                base.add(new BaseFile(c.path(), c.mode(), c.symlinkTarget(), c.content()));
            }
            Files.createDirectory(output.staging());
            ManifestWriter.write(output.staging(), request.packages(), base, epoch != null ? epoch : SourceDateEpoch.DEFAULT);
            output.commit();
        } catch (Exception | Error e) {
            output.abort();
            throw e;
        } finally {
            deleteQuietly(work);
        }
        reporter.info(1, "wrote " + out);
        return new PrepareResult(out, resolution, configCount, System.nanoTime() - t0);
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileTrees.deleteRecursively(dir);
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it
        }
    }
}
