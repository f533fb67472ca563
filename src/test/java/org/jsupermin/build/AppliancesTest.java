package org.jsupermin.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsupermin.format.EarlyStart;
import org.jsupermin.format.FormatContext;
import org.jsupermin.format.FormatOptions;
import org.jsupermin.format.FormatSettings;
import org.jsupermin.format.OutputFormat;
import org.jsupermin.format.OutputShape;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.testing.FixtureRoots;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.Reporter;
import org.jsupermin.util.SourceDateEpoch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Building through the {@code build} API, without the command line, from the apk fixture root:
 * a format registered by this test alone gets the tree, the resolution, the database and its own
 * option's values, and the build around it (stamp, atomic output, checks) works as for any format.
 */
class AppliancesTest {

    /** A test-only format: a text listing of the packages and entries, with a banner option. */
    static class ListingFormat implements OutputFormat {

        @Override
        public String name() {
            return "listing";
        }

        @Override
        public OutputShape shape() {
            return OutputShape.FILE;
        }

        @Override
        public List<String> optionNames() {
            return List.of("--banner");
        }

        @Override
        public void write(FormatContext context, Path staging) throws IOException {
            List<String> lines = new ArrayList<>();
            lines.add("banner " + String.join(",", context.options().list("--banner")));
            lines.add("epoch " + context.epoch());
            lines.add("driver " + context.database().driverName());
            for (InstalledPackage p : context.resolution().closure()) {
                lines.add("package " + p.name());
            }
            for (TreeEntry e : context.tree().entries()) {
                lines.add(e.type() + " " + e.path() + " " + e.size() + " " + e.mtime());
            }
            Files.write(staging, lines);
        }
    }

    @TempDir
    Path dir;

    private Path root;
    private Path supermind;
    private final Appliances appliances = new Appliances(FormatRegistry.standard().with(new ListingFormat()));

    @BeforeEach
    void appliance() throws IOException {
        root = FixtureRoots.apk(dir.resolve("fixture")).root();
        supermind = Files.createDirectories(dir.resolve("supermin.d"));
        Files.writeString(supermind.resolve("packages"), "hello\n");
    }

    private BuildRequest listing(Path out) {
        return BuildRequest.of(List.of(supermind), "listing", out)
                .withRoot(root)
                .withFormatOptions(FormatOptions.of("--banner", "from a test"))
                .withEnvironment(Map.of("SOURCE_DATE_EPOCH", "1700000000"));
    }

    @Test
    void aTestOnlyFormatGetsTheTreeResolutionDatabaseAndItsOptions() throws Exception {
        Path out = dir.resolve("appliance.txt");
        BuildResult result = appliances.build(listing(out), Reporter.SILENT);

        List<String> lines = Files.readAllLines(out);
        assertEquals("banner from a test", lines.get(0));
        assertEquals("epoch 1700000000", lines.get(1));
        assertEquals("driver apk", lines.get(2));
        assertTrue(lines.contains("package hello"), lines.toString());
        assertTrue(lines.contains("package musl"), "dependencies are resolved: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FILE /usr/bin/hello ") && l.endsWith(" 1700000000")),
                "files come from the root, clamped to SOURCE_DATE_EPOCH: " + lines);
        assertEquals(out.toAbsolutePath(), result.output());
        assertEquals("listing", result.format());
        assertFalse(result.upToDate());
        assertTrue(result.packages().stream().anyMatch(p -> p.name().equals("hello")));
        assertTrue(result.files() > 0 && result.bytes() > 0, result.toString());
    }

    @Test
    void ifNewerFindsTheOutputUpToDateThenRebuildsWhenAnOptionChanges() throws Exception {
        Path out = dir.resolve("appliance.txt");
        appliances.build(listing(out).withIfNewer(true), Reporter.SILENT);
        BuildResult again = appliances.build(listing(out).withIfNewer(true), Reporter.SILENT);
        assertTrue(again.upToDate());

        BuildResult changed = appliances.build(listing(out).withIfNewer(true)
                .withFormatOptions(FormatOptions.of("--banner", "another")), Reporter.SILENT);
        assertFalse(changed.upToDate());
        assertEquals("banner another", Files.readAllLines(out).get(0));
    }

    @Test
    void theStandardTarFormatStreamsAndTheTestFormatDoesNot() throws Exception {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        BuildRequest request = BuildRequest.of(List.of(supermind), "tar", null).withRoot(root)
                .withEnvironment(Map.of());
        BuildResult result = appliances.build(request, tar, Reporter.SILENT);
        assertTrue(tar.size() > 10_240, "an archive: " + tar.size());
        assertTrue(new String(tar.toByteArray(), StandardCharsets.ISO_8859_1).contains("./usr/bin/hello"));
        assertEquals(null, result.output());

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> appliances.build(listing(null), new ByteArrayOutputStream(), Reporter.SILENT));
        assertEquals("-o - (standard output) works only with "
                + FormatRegistry.choices(appliances.formats().streamingFormats()), e.getMessage());
        assertTrue(e.getMessage().contains("-f tar"), e.getMessage());
    }

    /** A format whose early start records what the build told it, and when. */
    static final class EarlyFormat extends ListingFormat {
        final List<String> events = new ArrayList<>();
        private final boolean fail;

        EarlyFormat(boolean fail) {
            this.fail = fail;
        }

        @Override
        public String name() {
            return "early";
        }

        @Override
        public EarlyStart early(FormatSettings settings) {
            events.add("early epoch=" + settings.epoch());
            return new EarlyStart() {
                @Override
                public void begin(Path staging) {
                    events.add("begin " + staging.getFileName().toString().startsWith(".appliance.txt.jsupermin-"));
                }

                @Override
                public boolean begun() {
                    return events.stream().anyMatch(e -> e.startsWith("begin"));
                }

                @Override
                public void excludes(List<String> patterns) {
                    events.add("excludes " + patterns);
                }

                @Override
                public void close() {
                    events.add("close");
                }
            };
        }

        @Override
        public void write(FormatContext context, Path staging) throws IOException {
            events.add("write " + (context.early() != null));
            if (fail) {
                throw new IOException("no space left");
            }
            super.write(context, staging);
        }
    }

    @Test
    void anEarlyStartBeginsBeforeTheTreeAndIsClosedOnceWhetherTheBuildWorksOrFails() throws Exception {
        Files.writeString(supermind.resolve("excludefiles"), "-/usr/share/doc/*\n");
        for (boolean fail : new boolean[] {false, true}) {
            EarlyFormat format = new EarlyFormat(fail);
            Appliances withEarly = new Appliances(FormatRegistry.standard().with(format));
            BuildRequest request = BuildRequest.of(List.of(supermind), "early", dir.resolve("appliance.txt"))
                    .withRoot(root).withEnvironment(Map.of());
            if (fail) {
                assertThrows(IOException.class, () -> withEarly.build(request, Reporter.SILENT));
            } else {
                withEarly.build(request, Reporter.SILENT);
            }
            assertEquals(List.of("early epoch=" + SourceDateEpoch.DEFAULT, "begin true",
                    "excludes [/usr/share/doc/*]", "write true", "close"), format.events, "failing: " + fail);
        }
    }

    @Test
    void anUnknownFormatIsAnInvalidRequestNamingTheRegisteredOnes() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> appliances.build(BuildRequest.of(List.of(supermind), "iso", dir.resolve("x")), Reporter.SILENT));
        assertEquals("unknown format 'iso': use " + appliances.formats().choices(), e.getMessage());
        assertTrue(e.getMessage().contains("-f ext2, -f listing"), e.getMessage());
    }

    @Test
    void aFailedWriteLeavesThePreviousOutputIntact() throws Exception {
        Path out = dir.resolve("appliance.txt");
        appliances.build(listing(out), Reporter.SILENT);
        byte[] before = Files.readAllBytes(out);
        OutputFormat failing = new ListingFormat() {
            @Override
            public void write(FormatContext context, Path staging) throws IOException {
                Files.writeString(staging, "half");
                throw new IOException("disk on fire");
            }
        };
        Appliances broken = new Appliances(FormatRegistry.standard().with(failing));
        IOException e = assertThrows(IOException.class, () -> broken.build(listing(out), Reporter.SILENT));
        assertEquals("disk on fire", e.getMessage());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(out));
        try (var siblings = Files.list(dir)) {
            assertEquals(List.of("appliance.txt", "fixture", "supermin.d"),
                    siblings.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".appliance.txt.jsupermin-stamp"))
                            .sorted().toList());
        }
    }
}
