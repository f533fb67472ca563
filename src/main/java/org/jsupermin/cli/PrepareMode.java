package org.jsupermin.cli;

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
import org.jsupermin.util.SourceDateEpoch;

/** {@code --prepare}: resolve the packages and write {@code packages} and {@code base.tar.gz}. */
final class PrepareMode {

    private final SuperminCommand cmd;
    private final Console console;

    PrepareMode(SuperminCommand cmd, Console console) {
        this.cmd = cmd;
        this.console = console;
    }

    int run() throws Exception {
        Path out = cmd.output == null ? null : Path.of(cmd.output);
        if (out != null && Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException("output " + out + " is an existing file, not a directory; remove it or give another -o");
        }
        long t0 = System.nanoTime();
        console.begin("resolving packages", -1);
        Long epoch = SourceDateEpoch.fromEnvironment(System.getenv());
        // the archive writer's classes load on the second core while the database is read
        Thread warmUp = new Thread(ManifestWriter::warmUp, "warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        PackageDatabase db = PackageDatabases.detect(cmd.root);
        console.info(1, "package database: " + db.driverName() + " under " + db.root());
        Resolution resolution = Resolutions.resolve(db, cmd.arguments, false, console);
        console.end();
        console.info(1, "resolved " + cmd.arguments.size() + " requested package(s) to " + resolution.closure().size());
        if (cmd.graph != null) {
            Resolutions.writeGraph(resolution, cmd.graph, cmd.graphDepth);
        }
        if (cmd.explain != null) {
            Resolutions.explain(resolution, cmd.explain, new java.io.PrintWriter(System.out));
            return 0;
        }

        console.begin("reading config files", -1);
        AtomicOutput output = AtomicOutput.begin(out);
        int configCount;
        Path work = Files.createTempDirectory("jsupermin-prepare-");
        try {
            List<ConfigFile> configs = db.configFiles(resolution.closure(),
                    new ConfigFileOptions(cmd.useInstalled, cmd.packagesFrom, true, work));
            configCount = configs.size();
            console.begin("writing " + out.getFileName(), -1);
            List<BaseFile> base = new ArrayList<>(configs.size());
            for (ConfigFile c : configs) {
                base.add(new BaseFile(c.path(), c.mode(), c.symlinkTarget(), c.content()));
            }
            Files.createDirectory(output.staging());
            ManifestWriter.write(output.staging(), cmd.arguments, base, epoch != null ? epoch : SourceDateEpoch.DEFAULT);
            output.commit();
        } catch (Exception | Error e) {
            output.abort();
            throw e;
        } finally {
            deleteQuietly(work);
        }
        console.info(1, "wrote " + out);
        if (!console.showsSummary()) {
            return 0;
        }
        String time = " in " + ProgressBar.duration((System.nanoTime() - t0) / 1e9);
        console.summary(List.of("prepared " + out + time, "prepared " + out.getFileName() + time),
                List.of(cmd.arguments.size() + " packages requested", resolution.closure().size() + " with dependencies",
                        configCount + " config files"));
        return 0;
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileTrees.deleteRecursively(dir);
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it
        }
    }
}
