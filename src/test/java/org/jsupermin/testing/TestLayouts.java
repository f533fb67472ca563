package org.jsupermin.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes small OCI image layouts by hand (what {@code -f oci -o DIR} writes, made here from files
 * chosen by the test): layers of given files, an image config with a command, a manifest, an index.
 */
public final class TestLayouts {

    /** A file of a layer: its path in the image, mode and content. */
    public record LayerFile(String path, int mode, byte[] content) {
    }

    /** A layout written: its directory, the image manifest's digest, each layer's digest. */
    public record Layout(Path dir, String manifestDigest, List<String> layerDigests, String configDigest) {
    }

    private TestLayouts() {
    }

    /** Writes a layout of one image with one layer per list of files, running {@code cmd}; {@code refName} annotates it. */
    public static Layout image(Path dir, String refName, List<String> cmd, List<List<LayerFile>> layers) throws IOException {
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        StringBuilder diffIds = new StringBuilder();
        StringBuilder layerDescs = new StringBuilder();
        List<String> layerDigests = new java.util.ArrayList<>();
        for (List<LayerFile> files : layers) {
            byte[] tar = tar(files);
            byte[] gz = gzip(tar);
            String digest = blob(dir, gz);
            layerDigests.add(digest);
            diffIds.append(diffIds.length() == 0 ? "" : ",").append('"').append(sha256(tar)).append('"');
            layerDescs.append(layerDescs.length() == 0 ? "" : ",").append(descriptor("application/vnd.oci.image.layer.v1.tar+gzip",
                    digest, gz.length, Map.of()));
        }
        StringBuilder cmdJson = new StringBuilder();
        for (String c : cmd) {
            cmdJson.append(cmdJson.length() == 0 ? "" : ",").append('"').append(c).append('"');
        }
        byte[] config = ("{\"architecture\":\"amd64\",\"config\":{\"Cmd\":[" + cmdJson + "],\"Env\":[\"PATH=/usr/bin:/bin\"]},"
                + "\"created\":\"2000-01-01T00:00:00Z\",\"os\":\"linux\",\"rootfs\":{\"diff_ids\":[" + diffIds
                + "],\"type\":\"layers\"}}").getBytes(StandardCharsets.UTF_8);
        String configDigest = blob(dir, config);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":"
                + descriptor("application/vnd.oci.image.config.v1+json", configDigest, config.length, Map.of())
                + ",\"layers\":[" + layerDescs + "]}").getBytes(StandardCharsets.UTF_8);
        String manifestDigest = blob(dir, manifest);
        writeIndex(dir, List.of(descriptor("application/vnd.oci.image.manifest.v1+json", manifestDigest, manifest.length,
                refName == null ? Map.of() : Map.of("org.opencontainers.image.ref.name", refName))));
        return new Layout(dir, manifestDigest, List.copyOf(layerDigests), configDigest);
    }

    /**
     * Adds to a layout a referrer of its image: an artifact manifest ({@code artifactType}, the empty
     * config, one layer holding {@code content}) whose subject is the image; returns its digest.
     */
    public static String addReferrer(Layout layout, String artifactType, byte[] content) throws IOException {
        Path dir = layout.dir();
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        String emptyDigest = blob(dir, empty);
        String contentDigest = blob(dir, content);
        long imageSize = Files.size(dir.resolve("blobs/sha256/" + layout.manifestDigest().substring(7)));
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"artifactType\":\""
                + artifactType + "\",\"config\":" + descriptor("application/vnd.oci.empty.v1+json", emptyDigest, empty.length, Map.of())
                + ",\"layers\":[" + descriptor(artifactType, contentDigest, content.length, Map.of()) + "],\"subject\":"
                + descriptor("application/vnd.oci.image.manifest.v1+json", layout.manifestDigest(), imageSize, Map.of())
                + ",\"annotations\":{\"org.opencontainers.image.created\":\"2000-01-01T00:00:00Z\"}}").getBytes(StandardCharsets.UTF_8);
        String digest = blob(dir, manifest);
        String index = Files.readString(dir.resolve("index.json"));
        String entry = descriptor("application/vnd.oci.image.manifest.v1+json", digest, manifest.length, Map.of());
        Files.writeString(dir.resolve("index.json"), index.replace("]}", "," + entry.replace("}", ",\"artifactType\":\""
                + artifactType + "\"}") + "]}"));
        return digest;
    }

    private static void writeIndex(Path dir, List<String> descriptors) throws IOException {
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":[" + String.join(",", descriptors) + "]}");
    }

    private static String descriptor(String mediaType, String digest, long size, Map<String, String> annotations) {
        StringBuilder s = new StringBuilder("{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size);
        if (!annotations.isEmpty()) {
            s.append(",\"annotations\":{");
            boolean first = true;
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(annotations).entrySet()) {
                s.append(first ? "" : ",").append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
                first = false;
            }
            s.append('}');
        }
        return s.append('}').toString();
    }

    /** Writes a blob into the layout; returns its digest. */
    public static String blob(Path dir, byte[] content) throws IOException {
        String digest = sha256(content);
        Path file = dir.resolve("blobs/sha256/" + digest.substring(7));
        if (!Files.exists(file)) {
            Files.write(file, content);
        }
        return digest;
    }

    private static byte[] tar(List<LayerFile> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (LayerFile f : files) {
                TarArchiveEntry e = new TarArchiveEntry(f.path());
                e.setMode(f.mode());
                e.setSize(f.content().length);
                e.setModTime(946684800000L);
                tar.putArchiveEntry(e);
                tar.write(f.content());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    /** {@code sha256:<hex>}. */
    public static String sha256(byte[] data) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
