package org.jsupermin.push;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.jsupermin.util.Digests;
import org.jsupermin.util.Reporter;

/**
 * Makes a referrer manifest (one with a {@code subject}, such as an SBOM) known to the registry
 * as the OCI distribution spec 1.1 says: the manifest is put by digest; a registry with the
 * referrers API answers with {@code OCI-Subject} and lists it itself; for one without it, the
 * image index tagged {@code sha256-<hex of the subject>} (the referrers tag schema) gets the
 * referrer's descriptor added.
 */
final class ReferrerPusher {

    private final RegistrySession session;
    private final String repository;
    private final ManifestPusher manifests;
    private final Reporter reporter;

    ReferrerPusher(RegistrySession session, ManifestPusher manifests, Reporter reporter) {
        this.session = session;
        this.repository = session.repository();
        this.manifests = manifests;
        this.reporter = reporter;
    }

    /** Pushes {@code referrer} and lists it for {@code subject}. */
    void push(LayoutManifest referrer, Descriptor subject) throws PushException {
        String digest = referrer.descriptor().digest();
        if (!digest.equals(manifests.digestOf(digest))) {
            HttpResponse<byte[]> r = manifests.put(referrer, digest);
            if (r.headers().firstValue("OCI-Subject").isPresent()) {
                reporter.info(1, "referrer " + referrer.descriptor().shortDigest() + " pushed; the registry lists it");
                return;
            }
        } else if (listedByApi(subject, digest)) {
            return;
        }
        String tag = "sha256-" + subject.digest().substring(7);
        byte[] current = manifests.get(tag, MediaTypes.OCI_INDEX);
        ObjectNode index = current == null ? emptyIndex() : readIndex(current, tag);
        ArrayNode list = (ArrayNode) index.get("manifests");
        for (JsonNode m : list) {
            if (digest.equals(m.path("digest").asText())) {
                return;
            }
        }
        list.add(descriptorOf(referrer));
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(index);
        } catch (IOException e) {
            throw new PushException("writing the referrers index of " + subject.shortDigest() + ": " + e.getMessage(), e);
        }
        manifests.put(bytes, MediaTypes.OCI_INDEX, Digests.ociSha256(bytes), tag);
        reporter.info(1, "referrer " + referrer.descriptor().shortDigest() + " pushed and listed under tag " + tag
                + " (the registry has no referrers API)");
    }

    /** Whether the registry's referrers API answers for the subject (it then lists every referrer itself). */
    private boolean listedByApi(Descriptor subject, String digest) throws PushException {
        HttpResponse<byte[]> r = session.send(HttpRequest.newBuilder(session.uri("/v2/" + repository + "/referrers/"
                + subject.digest())).header("Accept", MediaTypes.OCI_INDEX).GET(), session.pushScopes());
        return r.statusCode() == 200;
    }

    private ObjectNode emptyIndex() {
        ObjectNode index = Json.MAPPER.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.putArray("manifests");
        return index;
    }

    private ObjectNode readIndex(byte[] bytes, String tag) throws PushException {
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node instanceof ObjectNode o && o.get("manifests") instanceof ArrayNode) {
                return o;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new PushException("the tag " + tag + " of " + session.registry() + "/" + repository
                + " is not an image index, so referrers cannot be listed there; remove that tag");
    }

    /** The descriptor the referrers list holds: media type, digest, size, artifact type and annotations. */
    private ObjectNode descriptorOf(LayoutManifest referrer) throws PushException {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(referrer.bytes());
        } catch (IOException e) {
            throw new PushException("referrer " + referrer.descriptor().shortDigest() + " is not JSON", e);
        }
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("mediaType", referrer.mediaType());
        d.put("digest", referrer.descriptor().digest());
        d.put("size", referrer.descriptor().size());
        String artifactType = m.path("artifactType").isTextual() ? m.get("artifactType").asText()
                : m.path("config").path("mediaType").asText(null);
        if (artifactType != null) {
            d.put("artifactType", artifactType);
        }
        JsonNode annotations = m.path("annotations");
        if (annotations.isObject() && annotations.size() > 0) {
            ObjectNode a = d.putObject("annotations");
            java.util.TreeMap<String, JsonNode> sorted = new java.util.TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = annotations.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), e.getValue());
            }
            a.setAll(sorted);
        }
        return d;
    }
}
