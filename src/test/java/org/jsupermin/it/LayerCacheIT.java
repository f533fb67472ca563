package org.jsupermin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsupermin.testing.Commands;
import org.jsupermin.testing.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -f oci}'s layer cache on real host packages: cold, warm and {@code --no-cache} builds
 * give the same image digest, which skopeo and umoci read from the warm build; a {@code --layers 8}
 * rebuild after one package's files changed compresses exactly one layer; an unusable cache
 * directory only means no cache. The counts come from the {@code -v} line of each build (on
 * standard output, as supermin's messages are).
 */
class LayerCacheIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAG = "example.test/jsupermin/cached:1";
    private static final Pattern SUMMARY = Pattern.compile(
            "layer cache [^\\n]*: (\\d+) layers reused, (\\d+) stored, (\\d+) not cacheable");
    /** A little more than the window in which a host file's change makes its layer uncacheable. */
    private static final long SETTLE_MILLIS = 1200;

    @TempDir
    static Path tmp;
    private static Path appliance;

    @BeforeAll
    static void prepare() {
        appliance = tmp.resolve("small.d");
        Tools.jsupermin("--prepare", "--use-installed", "bash", "coreutils", "dash", "base-passwd", "gzip",
                "-o", appliance.toString()).orFail("prepare");
    }

    /** Reused, stored and uncacheable layers, from the build's {@code -v} output. */
    private record Counts(int reused, int stored, int uncacheable) {
    }

    private static Counts build(Path cache, String... args) {
        List<String> cmd = new ArrayList<>(List.of("-v", "--build", "-f", "oci"));
        cmd.addAll(List.of(args));
        Tools.Result r = Tools.jsupermin(Map.of("JSUPERMIN_CACHE_DIR", cache.toString()), cmd.toArray(String[]::new))
                .orFail("build " + cmd);
        Matcher m = SUMMARY.matcher(r.stdout());
        if (!m.find()) {
            return null;
        }
        return new Counts(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private static String imageDigest(Path layout) throws IOException {
        return JSON.readTree(layout.resolve("index.json").toFile()).get("manifests").get(0).get("digest").asText();
    }

    private static List<String> layerDigests(Path layout) throws IOException {
        JsonNode manifest = JSON.readTree(layout.resolve("blobs/sha256/" + imageDigest(layout).substring(7)).toFile());
        List<String> digests = new ArrayList<>();
        for (JsonNode l : manifest.get("layers")) {
            digests.add(l.get("digest").asText());
        }
        return digests;
    }

    private static String sha256(Path f) {
        return Tools.run("sha256sum", f.toString()).orFail("sha256sum").stdout().split(" ")[0];
    }

    @Test
    void coldWarmAndUncachedBuildsGiveTheSameImage() throws Exception {
        Path cache = tmp.resolve("cache");
        String[] image = {appliance.toString(), "--tag", TAG, "--layers", "3"};
        Counts cold = build(cache, concat(image, "-o", tmp.resolve("cold").toString()));
        assertEquals(new Counts(0, 3, 0), cold);
        Counts warm = build(cache, concat(image, "-o", tmp.resolve("warm").toString()));
        assertEquals(new Counts(3, 0, 0), warm);
        Counts warmTar = build(cache, concat(image, "-o", tmp.resolve("warm.tar").toString()));
        assertEquals(new Counts(3, 0, 0), warmTar);
        assertEquals(null, build(cache, concat(image, "--no-cache", "-o", tmp.resolve("uncached").toString())));
        assertEquals(null, build(cache, concat(image, "--no-cache", "-o", tmp.resolve("uncached.tar").toString())));

        String digest = imageDigest(tmp.resolve("uncached"));
        assertEquals(digest, imageDigest(tmp.resolve("cold")));
        assertEquals(digest, imageDigest(tmp.resolve("warm")));
        assertEquals(sha256(tmp.resolve("uncached.tar")), sha256(tmp.resolve("warm.tar")));

        // the real tools take the warm build
        JsonNode inspected = JSON.readTree(Commands.run(List.of("skopeo", "inspect", "oci:" + tmp.resolve("warm")
                + ":" + TAG), null, Map.of(), 300).orFail().stdout());
        assertEquals(digest, inspected.get("Digest").asText());
        assertEquals(3, inspected.get("Layers").size());
        assertEquals(digest, JSON.readTree(Commands.run(List.of("skopeo", "inspect", "oci-archive:"
                + tmp.resolve("warm.tar") + ":" + TAG), null, Map.of(), 300).orFail().stdout()).get("Digest").asText());
        Path bundle = tmp.resolve("bundle");
        Commands.run(List.of("umoci", "unpack", "--rootless", "--image", tmp.resolve("warm") + ":" + TAG,
                bundle.toString()), null, Map.of(), 600).orFail();
        assertTrue(Files.isExecutable(bundle.resolve("rootfs/usr/bin/bash")));
        assertTrue(Files.isRegularFile(bundle.resolve("rootfs/var/lib/dpkg/status")));
    }

    @Test
    void aRebuildAfterOnePackageChangedCompressesOneLayer() throws Exception {
        Path cache = tmp.resolve("fixture-cache");
        Path root = FixtureRootWithFiles.copy(tmp.resolve("fixture-root"));
        Path d = tmp.resolve("fixture.d");
        Tools.jsupermin("--root", root.toString(), "--prepare", "--use-installed", "bash", "mawk", "base-passwd",
                "-o", d.toString()).orFail("prepare");
        // the copy's files changed just now: their layers would not be cached yet
        Thread.sleep(SETTLE_MILLIS);
        String[] image = {d.toString(), "--layers", "8"};
        Counts first = build(cache, concat(concat(new String[] {"--root", root.toString()}, image), "-o",
                tmp.resolve("before").toString()));
        List<String> before = layerDigests(tmp.resolve("before"));
        assertTrue(before.size() >= 4, before.toString());
        assertEquals(new Counts(0, before.size(), 0), first);

        Files.writeString(root.resolve("usr/bin/mawk"), "mawk 1.3.4-20200120-3.1+deb12u1 (an upgrade)\n",
                StandardCharsets.UTF_8);
        Thread.sleep(SETTLE_MILLIS);
        Counts second = build(cache, concat(concat(new String[] {"--root", root.toString()}, image), "-o",
                tmp.resolve("after").toString()));
        List<String> after = layerDigests(tmp.resolve("after"));
        assertEquals(new Counts(before.size() - 1, 1, 0), second);
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            changed += before.get(i).equals(after.get(i)) ? 0 : 1;
        }
        assertEquals(1, changed, before + "\n" + after);

        build(cache, concat(concat(new String[] {"--root", root.toString()}, image), "--no-cache", "-o",
                tmp.resolve("after-uncached").toString()));
        assertEquals(imageDigest(tmp.resolve("after-uncached")), imageDigest(tmp.resolve("after")));
    }

    @Test
    void anUnusableCacheDirectoryOnlyMeansNoCache() throws Exception {
        Path notADirectory = Files.writeString(tmp.resolve("not-a-directory"), "x\n");
        Tools.Result r = Tools.jsupermin(Map.of("JSUPERMIN_CACHE_DIR", notADirectory.toString()), "-v", "--build",
                "-f", "oci", appliance.toString(), "-o", tmp.resolve("no-cache-dir").toString()).orFail("build");
        assertTrue(r.stdout().contains("no layer cache: cannot use " + notADirectory + "/layers (" + notADirectory
                + " is not a directory)"), r.stdout());
        assertFalse(SUMMARY.matcher(r.stdout()).find(), r.stdout());
        assertEquals("x\n", Files.readString(notADirectory));
        Tools.Result quiet = Tools.jsupermin(Map.of("JSUPERMIN_CACHE_DIR", notADirectory.toString()), "--build",
                "-f", "oci", appliance.toString(), "-o", tmp.resolve("no-cache-dir-quiet").toString()).orFail("build");
        assertFalse((quiet.stdout() + quiet.stderr()).contains("layer cache"), quiet.stdout() + quiet.stderr());
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
