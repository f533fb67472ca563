package org.jsupermin.oci;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsupermin.format.FormatException;
import org.jsupermin.util.Digests;
import org.jsupermin.util.Reporter;
import org.jsupermin.util.Threads;

/**
 * Writes an image as an OCI image layout directory ({@code oci-layout}, {@code index.json},
 * {@code blobs/sha256/…}) or as one tar that is both that layout and a docker-archive (its
 * {@code manifest.json} names the config and layers by their paths under {@code blobs/sha256/}),
 * which {@code docker load}, {@code podman load} and skopeo's {@code oci-archive:} and
 * {@code docker-archive:} all read. Layers are written on as many threads as there are
 * processors, each straight into its file, or taken from the {@link LayerCache}.
 */
public final class OciImageWriter {

    static final String EMPTY_TYPE = "application/vnd.oci.empty.v1+json";
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 256 * 1024;

    private OciImageWriter() {
    }

    /** Writes the image as a layout in {@code dir}, which must not exist yet. */
    public static OciImage writeLayout(ImageRequest request, Path dir, Reporter reporter)
            throws IOException, FormatException {
        Files.createDirectory(dir);
        Path blobs = Files.createDirectories(dir.resolve("blobs").resolve("sha256"));
        // the first document made loads the JSON library's classes: on a thread of its own while
        // the layers are written, off the critical path of a build whose layers are cached
        Future<byte[]> marker = Threads.start("oci-documents", OciDocuments::layoutMarker);
        OciImage image = writeBlobs(request, blobs, reporter);
        List<Blob> manifests = new ArrayList<>();
        List<SortedMap<String, String>> annotations = new ArrayList<>();
        List<String> artifactTypes = new ArrayList<>();
        if (request.tags().isEmpty()) {
            manifests.add(image.manifest());
            annotations.add(new TreeMap<>());
            artifactTypes.add(null);
        }
        for (String tag : request.tags()) {
            manifests.add(image.manifest());
            SortedMap<String, String> a = new TreeMap<>();
            a.put(OciDocuments.REF_NAME, tag);
            annotations.add(a);
            artifactTypes.add(null);
        }
        for (int i = 0; i < image.referrers().size(); i++) {
            manifests.add(image.referrers().get(i));
            annotations.add(new TreeMap<>());
            artifactTypes.add(request.referrers().get(i).artifactType());
        }
        Files.write(dir.resolve("index.json"), OciDocuments.index(manifests, annotations, artifactTypes));
        Files.write(dir.resolve("oci-layout"), Threads.await(marker, RuntimeException.class, "the layout's marker"));
        return image;
    }

    /**
     * Writes the image as one tar to {@code out} (flushed, not closed), its layers first written
     * into {@code scratch}, an empty directory the caller removes afterwards.
     */
    public static OciImage writeArchive(ImageRequest request, OutputStream out, Path scratch, Reporter reporter)
            throws IOException, FormatException {
        return writeArchive(request, out, null, scratch, reporter);
    }

    /**
     * Writes the image as one tar to {@code out}, as above; when {@code channel} is not null it is
     * the file {@code out} writes to, into which the kernel copies the blobs.
     */
    public static OciImage writeArchive(ImageRequest request, OutputStream out, FileChannel channel, Path scratch,
                                        Reporter reporter) throws IOException, FormatException {
        Path layout = scratch.resolve("layout");
        OciImage image = writeLayout(request, layout, reporter);
        List<Blob> layers = new ArrayList<>();
        for (LayerBlob l : image.layers()) {
            layers.add(l.blob());
        }
        byte[] dockerManifest = OciDocuments.dockerManifest(image.config(), request.tags(), layers);
        long mtime = request.config().created();
        OutputStream buffered = new BufferedOutputStream(new org.jsupermin.util.NonClosingOutputStream(out), BUFFER);
        ArchiveTar tar = new ArchiveTar(buffered, channel, mtime);
        tar.directory("blobs/");
        tar.directory("blobs/sha256/");
        List<Path> blobs = new ArrayList<>();
        try (var list = Files.list(layout.resolve("blobs").resolve("sha256"))) {
            list.forEach(blobs::add);
        }
        blobs.sort(null);
        for (Path b : blobs) {
            tar.file("blobs/sha256/" + b.getFileName(), b, Files.size(b));
        }
        tar.file("index.json", Files.readAllBytes(layout.resolve("index.json")));
        tar.file("manifest.json", dockerManifest);
        tar.file("oci-layout", Files.readAllBytes(layout.resolve("oci-layout")));
        tar.finish();
        return image;
    }

    /** Writes every blob into {@code blobs}: the layers, the config, the manifest and the referrers. */
    private static OciImage writeBlobs(ImageRequest request, Path blobs, Reporter reporter)
            throws IOException, FormatException {
        List<LayerBlob> layers = writeLayers(request, blobs, reporter);
        Blob config = writeBlob(blobs, OciDocuments.CONFIG_TYPE, OciDocuments.config(request.config(), layers));
        List<Blob> layerBlobs = new ArrayList<>();
        for (LayerBlob l : layers) {
            layerBlobs.add(l.blob());
        }
        Blob manifest = writeBlob(blobs, OciDocuments.MANIFEST_TYPE, OciDocuments.manifest(config, layerBlobs));
        List<Blob> referrers = new ArrayList<>();
        if (!request.referrers().isEmpty()) {
            Blob empty = writeBlob(blobs, EMPTY_TYPE, EMPTY);
            for (Referrer r : request.referrers()) {
                Blob document = writeBlob(blobs, r.artifactType(), r.content());
                referrers.add(writeBlob(blobs, OciDocuments.MANIFEST_TYPE,
                        OciDocuments.referrer(r.artifactType(), empty, document, manifest)));
            }
        }
        return new OciImage(manifest, config, layers, referrers);
    }

    private static List<LayerBlob> writeLayers(ImageRequest request, Path blobs, Reporter reporter)
            throws IOException, FormatException {
        List<Layer> plan = request.plan().layers();
        reporter.begin("writing image layers", plan.size(), -1);
        int threads = Math.max(1, Math.min(plan.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "oci-layer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<LayerBlob>> written = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                Layer layer = plan.get(i);
                Path file = blobs.resolve("layer-" + i + ".tmp");
                LayerCache cache = request.cache();
                written.add(pool.submit(() -> cache == null
                        ? LayerWriter.write(layer, request.compression(), file)
                        : cache.write(layer, request.compression(), file)));
            }
            List<LayerBlob> layers = new ArrayList<>();
            long bytes = 0;
            for (Future<LayerBlob> f : written) {
                LayerBlob l = Threads.await(f, FormatException.class, "an image layer");
                Path target = blobs.resolve(l.blob().hex());
                Files.move(l.file(), target, StandardCopyOption.REPLACE_EXISTING);
                layers.add(new LayerBlob(l.blob(), l.diffId(), target, l.description()));
                bytes += l.blob().size();
                reporter.progress(layers.size(), bytes);
            }
            if (request.cache() != null) {
                reporter.info(1, request.cache().summary());
            }
            return layers;
        } finally {
            pool.shutdownNow();
            reporter.end();
        }
    }

    /** Writes {@code content} as a blob (once: the same bytes are the same file). */
    static Blob writeBlob(Path blobs, String mediaType, byte[] content) throws IOException {
        String digest = Digests.ociSha256(content);
        Blob blob = new Blob(mediaType, digest, content.length);
        Path file = blobs.resolve(blob.hex());
        if (!Files.exists(file)) {
            Files.write(file, content);
        }
        return blob;
    }
}
