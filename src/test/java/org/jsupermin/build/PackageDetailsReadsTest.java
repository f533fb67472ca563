package org.jsupermin.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jsupermin.format.FormatOptions;
import org.jsupermin.packages.AlternativeGroup;
import org.jsupermin.packages.ConfigFile;
import org.jsupermin.packages.ConfigFileOptions;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.packages.ImageDatabase;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.packages.VersionScheme;
import org.jsupermin.sbom.SbomFormat;
import org.jsupermin.testing.FixtureRoots;
import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One build reads its packages' details once, whoever needs them (the image's package database,
 * the SBOM file, the image's copy of the SBOM, the layer planner), and makes one SBOM document
 * shared by the file and the image; the summary's file count is that of the output, package
 * database and image SBOM included. From the apk fixture root, through a database that counts
 * the reads.
 */
class PackageDetailsReadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path root;
    private Path supermind;
    private final AtomicInteger reads = new AtomicInteger();
    private Appliances appliances;

    @BeforeEach
    void appliance() throws IOException {
        root = FixtureRoots.apk(dir.resolve("fixture")).root();
        supermind = Files.createDirectories(dir.resolve("supermin.d"));
        Files.writeString(supermind.resolve("packages"), "hello\n");
        appliances = new Appliances(FormatRegistry.standard(), db -> new CountingDatabase(db, reads));
    }

    private BuildRequest request(String format, Path out, String... options) {
        return BuildRequest.of(List.of(supermind), format, out).withRoot(root)
                .withFormatOptions(FormatOptions.of(options))
                .withEnvironment(Map.of("SOURCE_DATE_EPOCH", "1700000000"));
    }

    @Test
    void anImageWithLayersAndAnSbomReadsTheDetailsOnceAndCarriesTheFileItself() throws Exception {
        Path out = dir.resolve("image");
        Path sbom = dir.resolve("image.spdx.json");
        BuildResult result = appliances.build(request("oci", out, "--layers", "3", "--tag", "example.test/hello:1")
                .withSbom(new SbomOutput(sbom, SbomFormat.SPDX)), Reporter.SILENT);
        assertEquals(1, reads.get(), "details reads");

        Map<String, byte[]> files = imageFiles(out);
        byte[] document = Files.readAllBytes(sbom);
        assertArrayEquals(document, files.get("usr/share/sbom/hello.spdx.json"), "the image's SBOM is the file's");
        assertTrue(JSON.readTree(document).get("name").asText().equals("hello"), "named after the tag");
        assertTrue(files.containsKey("lib/apk/db/installed"), files.keySet().toString());
        assertEquals(files.size(), result.files(), "files in the image: " + files.keySet());
    }

    @Test
    void aTarWithAnSbomReadsTheDetailsOnceAndCountsThePackageDatabase() throws Exception {
        Path out = dir.resolve("appliance.tar");
        BuildResult result = appliances.build(request("tar", out)
                .withSbom(new SbomOutput(dir.resolve("tar.cdx.json"), SbomFormat.CYCLONEDX)), Reporter.SILENT);
        assertEquals(1, reads.get(), "details reads");
        Map<String, byte[]> files;
        try (InputStream in = Files.newInputStream(out)) {
            files = tarFiles(in);
        }
        assertTrue(files.containsKey("lib/apk/db/installed"), files.keySet().toString());
        assertEquals(files.size(), result.files(), "files in the archive: " + files.keySet());
    }

    @Test
    void aChrootCountsThePackageDatabase() throws Exception {
        Path out = dir.resolve("chroot");
        BuildResult result = appliances.build(request("chroot", out), Reporter.SILENT);
        assertTrue(Files.isRegularFile(out.resolve("lib/apk/db/installed")));
        Set<Object> inodes = new HashSet<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                inodes.add(Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS));
            }
        }
        assertEquals(inodes.size(), result.files(), "files in the chroot");
    }

    /** The regular files of an OCI layout's image (its first manifest), by path, each layer's in turn. */
    private static Map<String, byte[]> imageFiles(Path layout) throws IOException {
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        JsonNode manifest = JSON.readTree(blob(layout, index.get("manifests").get(0).get("digest").asText()).toFile());
        Map<String, byte[]> files = new java.util.TreeMap<>();
        for (JsonNode layer : manifest.get("layers")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(blob(layout, layer.get("digest").asText())))) {
                files.putAll(tarFiles(in));
            }
        }
        return files;
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs/sha256/" + digest.substring("sha256:".length()));
    }

    /** The regular files of a tar (not its links, hard or symbolic, nor devices), by path without "./". */
    private static Map<String, byte[]> tarFiles(InputStream in) throws IOException {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
            if (e.getLinkFlag() == TarArchiveEntry.LF_NORMAL || e.getLinkFlag() == TarArchiveEntry.LF_OLDNORM) {
                String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
                files.put(name, tar.readAllBytes());
            }
        }
        return files;
    }

    /** A package database that counts the calls of {@link #details} and passes everything on. */
    private static final class CountingDatabase implements PackageDatabase {

        private final PackageDatabase db;
        private final AtomicInteger reads;

        CountingDatabase(PackageDatabase db, AtomicInteger reads) {
            this.db = db;
            this.reads = reads;
        }

        @Override
        public Map<InstalledPackage, PackageDetails> details(Collection<InstalledPackage> packages)
                throws PackageDatabaseException {
            reads.incrementAndGet();
            return db.details(packages);
        }

        // imageDatabase(contained) is not passed on: its default asks this.details, which counts

        @Override
        public ImageDatabase imageDatabase(Collection<InstalledPackage> contained,
                                           Map<InstalledPackage, PackageDetails> details) throws PackageDatabaseException {
            return db.imageDatabase(contained, details);
        }

        @Override
        public String driverName() {
            return db.driverName();
        }

        @Override
        public Path root() {
            return db.root();
        }

        @Override
        public String nativeArch() {
            return db.nativeArch();
        }

        @Override
        public List<Path> stateFiles() throws PackageDatabaseException {
            return db.stateFiles();
        }

        @Override
        public VersionScheme versionScheme() {
            return db.versionScheme();
        }

        @Override
        public List<InstalledPackage> installedPackages() throws PackageDatabaseException {
            return db.installedPackages();
        }

        @Override
        public Map<InstalledPackage, List<PackageFile>> files(Collection<InstalledPackage> packages)
                throws PackageDatabaseException {
            return db.files(packages);
        }

        @Override
        public List<ConfigFile> configFiles(Collection<InstalledPackage> packages, ConfigFileOptions options)
                throws PackageDatabaseException {
            return db.configFiles(packages, options);
        }

        @Override
        public InstalledPackage firstListing(Collection<String> paths) throws PackageDatabaseException {
            return db.firstListing(paths);
        }

        @Override
        public List<ExtraEntry> extraEntries(Collection<InstalledPackage> closure) throws PackageDatabaseException {
            return db.extraEntries(closure);
        }

        @Override
        public List<AlternativeGroup> alternatives() throws PackageDatabaseException {
            return db.alternatives();
        }
    }
}
