package org.jsupermin.oci;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The JSON documents of an image (config, manifest, index, docker-archive manifest) as bytes:
 * compact, keys in a fixed order, maps sorted, no time but the image's own, so that the same
 * image gives the same bytes and digests.
 */
final class OciDocuments {

    static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
    static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
    static final String INDEX_TYPE = "application/vnd.oci.image.index.v1+json";
    static final String REF_NAME = "org.opencontainers.image.ref.name";
    /** What every history entry says made the layer. */
    static final String CREATED_BY = "jsupermin --build -f oci";

    private static final JsonFactory JSON = new JsonFactory();

    private OciDocuments() {
    }

    /** A piece of JSON written into a generator. */
    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] json(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory", e);
        }
        return out.toByteArray();
    }

    /** The image configuration for these layers. */
    static byte[] config(ImageConfig c, List<LayerBlob> layers) {
        String created = Instant.ofEpochSecond(c.created()).toString();
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("created", created);
            g.writeStringField("architecture", c.platform().architecture());
            if (c.platform().variant() != null) {
                g.writeStringField("variant", c.platform().variant());
            }
            g.writeStringField("os", c.platform().os());
            g.writeObjectFieldStart("config");
            if (c.user() != null) {
                g.writeStringField("User", c.user());
            }
            emptyObjects(g, "ExposedPorts", c.exposedPorts());
            strings(g, "Env", c.env());
            if (c.entrypoint() != null) {
                strings(g, "Entrypoint", c.entrypoint());
            }
            if (c.cmd() != null) {
                strings(g, "Cmd", c.cmd());
            }
            emptyObjects(g, "Volumes", c.volumes());
            if (c.workingDir() != null) {
                g.writeStringField("WorkingDir", c.workingDir());
            }
            if (!c.labels().isEmpty()) {
                stringMap(g, "Labels", c.labels());
            }
            if (c.stopSignal() != null) {
                g.writeStringField("StopSignal", c.stopSignal());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("rootfs");
            g.writeStringField("type", "layers");
            g.writeArrayFieldStart("diff_ids");
            for (LayerBlob l : layers) {
                g.writeString(l.diffId());
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("history");
            for (LayerBlob l : layers) {
                g.writeStartObject();
                g.writeStringField("created", created);
                g.writeStringField("created_by", CREATED_BY);
                g.writeStringField("comment", l.description());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** An image manifest: its config and layers, in order. */
    static byte[] manifest(Blob config, List<Blob> layers) {
        return json(g -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 2);
            g.writeStringField("mediaType", MANIFEST_TYPE);
            descriptor(g, "config", config, null);
            g.writeArrayFieldStart("layers");
            for (Blob l : layers) {
                descriptor(g, null, l, null);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * An artifact manifest in image-manifest form: an empty config of {@code artifactType}, one
     * layer, and a {@code subject} (the image it refers to).
     */
    static byte[] referrer(String artifactType, Blob emptyConfig, Blob layer, Blob subject) {
        return json(g -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 2);
            g.writeStringField("mediaType", MANIFEST_TYPE);
            g.writeStringField("artifactType", artifactType);
            descriptor(g, "config", emptyConfig, null);
            g.writeArrayFieldStart("layers");
            descriptor(g, null, layer, null);
            g.writeEndArray();
            descriptor(g, "subject", subject, null);
            g.writeEndObject();
        });
    }

    /** The layout's index: each manifest with its annotations (sorted), in the order given. */
    static byte[] index(List<Blob> manifests, List<SortedMap<String, String>> annotations,
                        List<String> artifactTypes) {
        return json(g -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 2);
            g.writeStringField("mediaType", INDEX_TYPE);
            g.writeArrayFieldStart("manifests");
            for (int i = 0; i < manifests.size(); i++) {
                Blob m = manifests.get(i);
                g.writeStartObject();
                g.writeStringField("mediaType", m.mediaType());
                g.writeStringField("digest", m.digest());
                g.writeNumberField("size", m.size());
                if (artifactTypes.get(i) != null) {
                    g.writeStringField("artifactType", artifactTypes.get(i));
                }
                if (!annotations.get(i).isEmpty()) {
                    stringMap(g, "annotations", annotations.get(i));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** docker-archive's {@code manifest.json}: the config's and the layers' paths and the tags. */
    static byte[] dockerManifest(Blob config, List<String> repoTags, List<Blob> layers) {
        return json(g -> {
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("Config", "blobs/sha256/" + config.hex());
            strings(g, "RepoTags", repoTags);
            g.writeArrayFieldStart("Layers");
            for (Blob l : layers) {
                g.writeString("blobs/sha256/" + l.hex());
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
        });
    }

    /** {@code oci-layout}. */
    static byte[] layoutMarker() {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("imageLayoutVersion", "1.0.0");
            g.writeEndObject();
        });
    }

    private static void descriptor(JsonGenerator g, String field, Blob b, Map<String, String> annotations)
            throws IOException {
        if (field == null) {
            g.writeStartObject();
        } else {
            g.writeObjectFieldStart(field);
        }
        g.writeStringField("mediaType", b.mediaType());
        g.writeStringField("digest", b.digest());
        g.writeNumberField("size", b.size());
        if (annotations != null && !annotations.isEmpty()) {
            stringMap(g, "annotations", annotations);
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void emptyObjects(JsonGenerator g, String field, java.util.SortedSet<String> keys) throws IOException {
        if (keys.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(field);
        for (String k : keys) {
            g.writeObjectFieldStart(k);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void stringMap(JsonGenerator g, String field, Map<String, String> map) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(map).entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
