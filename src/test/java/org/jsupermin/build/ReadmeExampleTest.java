package org.jsupermin.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jsupermin.format.FormatOptions;
import org.jsupermin.testing.FixtureRoots;
import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Using jsupermin from Java" example, run on the apk fixture root instead of the host's. */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    /** The README's main method, with {@code --root} and the temporary directory added. */
    private BuildResult example(Path root) throws Exception {
        Path supermind = dir.resolve("supermin.d");
        Appliances appliances = Appliances.standard();
        appliances.prepare(PrepareRequest.of(List.of("hello"), supermind).withUseInstalled(true).withRoot(root),
                Reporter.SILENT);
        return appliances.build(BuildRequest.of(List.of(supermind), "tar", dir.resolve("base.tar.gz"))
                .withRoot(root)
                .withFormatOptions(FormatOptions.of("--compression", "gzip"))
                .withIfNewer(true), Reporter.SILENT);
    }

    @Test
    void preparesAndBuildsAGzippedTarThenFindsItUpToDate() throws Exception {
        Path root = FixtureRoots.apk(dir.resolve("fixture")).root();
        BuildResult built = example(root);
        assertFalse(built.upToDate());
        assertTrue(built.packages().size() >= 2, built.packages().toString());
        assertTrue(members(dir.resolve("base.tar.gz")).contains("./usr/bin/hello"));
        assertTrue(example(root).upToDate());
        assertEquals(built.output(), dir.resolve("base.tar.gz").toAbsolutePath());
    }

    private static List<String> members(Path tarGz) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarGz));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
