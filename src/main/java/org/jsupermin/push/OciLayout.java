package org.jsupermin.push;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsupermin.util.Digests;

/**
 * An OCI image layout directory ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/...}),
 * as {@code -f oci -o DIR} writes it: what it holds, read without trusting it (digests are checked
 * for their form, blob files for their size).
 */
public final class OciLayout {

    private static final long MAX_MANIFEST = 4L << 20;

    private final Path dir;
    private final List<Descriptor> index;

    private OciLayout(Path dir, List<Descriptor> index) {
        this.dir = dir;
        this.index = index;
    }

    /** Opens the layout in {@code dir}. */
    public static OciLayout open(Path dir) throws PushException {
        Path marker = dir.resolve("oci-layout");
        try {
            JsonNode layout = Json.MAPPER.readTree(Files.readAllBytes(marker));
            if (!layout.path("imageLayoutVersion").isTextual()) {
                throw new PushException(marker + " has no imageLayoutVersion; " + dir + " is not an OCI image layout");
            }
            JsonNode idx = Json.MAPPER.readTree(Files.readAllBytes(dir.resolve("index.json")));
            JsonNode manifests = idx.path("manifests");
            if (!manifests.isArray()) {
                throw new PushException(dir.resolve("index.json") + " has no 'manifests' array; build the image again");
            }
            List<Descriptor> descriptors = new ArrayList<>();
            for (JsonNode m : manifests) {
                descriptors.add(Descriptor.of(m));
            }
            return new OciLayout(dir, List.copyOf(descriptors));
        } catch (NoSuchFileException e) {
            throw new PushException(dir + " is not an OCI image layout (" + e.getFile() + " is missing); build it with -f oci -o DIR", e);
        } catch (IllegalArgumentException e) {
            throw new PushException(dir.resolve("index.json") + ": " + e.getMessage() + "; build the image again", e);
        } catch (IOException e) {
            throw new PushException("reading the OCI image layout " + dir + ": " + oneLine(e), e);
        }
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** The descriptors {@code index.json} lists, in its order. */
    public List<Descriptor> index() {
        return index;
    }

    /** The file holding a blob, checked to exist with the size its descriptor gives. */
    Path blob(Descriptor d) throws PushException {
        Path file = dir.resolve("blobs").resolve("sha256").resolve(d.digest().substring(7));
        try {
            long size = Files.size(file);
            if (size != d.size()) {
                throw new PushException("blob " + d.shortDigest() + " in " + dir + " has " + size + " bytes, its descriptor says "
                        + d.size() + "; the layout is damaged: build the image again");
            }
        } catch (NoSuchFileException e) {
            throw new PushException("blob " + d.shortDigest() + " is missing from " + dir
                    + "; the layout is incomplete: build the image again", e);
        } catch (IOException e) {
            throw new PushException("reading blob " + d.shortDigest() + " of " + dir + ": " + oneLine(e), e);
        }
        return file;
    }

    /** Reads the manifest or index a descriptor points to. */
    LayoutManifest manifest(Descriptor d) throws PushException {
        if (d.size() > MAX_MANIFEST) {
            throw new PushException("manifest " + d.shortDigest() + " in " + dir + " is " + d.size()
                    + " bytes, more than a registry takes (4 MiB)");
        }
        Path file = blob(d);
        byte[] bytes;
        JsonNode node;
        try {
            bytes = Files.readAllBytes(file);
            node = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new PushException("manifest " + d.shortDigest() + " in " + dir + " is not JSON; build the image again", e);
        }
        if (!Digests.ociSha256(bytes).equals(d.digest())) {
            throw new PushException("manifest " + d.shortDigest() + " in " + dir
                    + " does not have the digest its name says; the layout is damaged: build the image again");
        }
        String mediaType = node.path("mediaType").isTextual() ? node.get("mediaType").asText() : d.mediaType();
        try {
            List<Descriptor> blobs = new ArrayList<>();
            List<Descriptor> children = new ArrayList<>();
            if (MediaTypes.isIndex(mediaType)) {
                for (JsonNode m : node.path("manifests")) {
                    children.add(Descriptor.of(m));
                }
            } else if (MediaTypes.isManifest(mediaType)) {
                blobs.add(Descriptor.of(node.path("config")));
                for (JsonNode l : node.path("layers")) {
                    blobs.add(Descriptor.of(l));
                }
            } else {
                throw new PushException("manifest " + d.shortDigest() + " in " + dir + " has media type " + mediaType
                        + ", which is neither an image manifest nor an index");
            }
            Descriptor subject = node.has("subject") ? Descriptor.of(node.get("subject")) : null;
            return new LayoutManifest(d, bytes, mediaType, List.copyOf(blobs), List.copyOf(children), subject);
        } catch (IllegalArgumentException e) {
            throw new PushException("manifest " + d.shortDigest() + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String oneLine(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ");
    }
}
