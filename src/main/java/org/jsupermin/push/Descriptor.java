package org.jsupermin.push;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An OCI content descriptor: what a manifest or index says about a blob or manifest it points to.
 *
 * @param mediaType the media type
 * @param digest {@code sha256:<64 hex>}
 * @param size the size in bytes
 * @param artifactType the artifact type, or null
 * @param annotations the annotations, sorted by key
 */
public record Descriptor(String mediaType, String digest, long size, String artifactType, Map<String, String> annotations) {

    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

    /** A descriptor with an unmodifiable sorted copy of its annotations. */
    public Descriptor {
        annotations = java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
    }

    /**
     * Reads a descriptor from its JSON.
     *
     * @throws IllegalArgumentException when it lacks a media type, a sha256 digest or a size
     */
    static Descriptor of(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a descriptor is not a JSON object");
        }
        String digest = node.path("digest").asText("");
        if (!SHA256.matcher(digest).matches()) {
            throw new IllegalArgumentException("descriptor digest '" + abbreviate(digest) + "' is not sha256:<64 hex digits>");
        }
        if (!node.path("size").canConvertToLong() || node.path("size").asLong() < 0) {
            throw new IllegalArgumentException("descriptor of " + digest + " has no valid size");
        }
        String mediaType = node.path("mediaType").asText("");
        if (mediaType.isEmpty()) {
            throw new IllegalArgumentException("descriptor of " + digest + " has no mediaType");
        }
        Map<String, String> annotations = new TreeMap<>();
        JsonNode a = node.path("annotations");
        if (a.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                annotations.put(e.getKey(), e.getValue().asText());
            }
        }
        String artifactType = node.path("artifactType").isTextual() ? node.get("artifactType").asText() : null;
        return new Descriptor(mediaType, digest, node.get("size").asLong(), artifactType, annotations);
    }

    /** The first 12 hex digits of the digest, as docker shows image ids. */
    public String shortDigest() {
        return "sha256:" + digest.substring(7, 19);
    }

    /** Whether this points to a manifest (image or index), not to a blob. */
    boolean isManifest() {
        return MediaTypes.isManifest(mediaType) || MediaTypes.isIndex(mediaType);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
