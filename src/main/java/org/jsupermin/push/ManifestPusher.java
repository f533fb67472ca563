package org.jsupermin.push;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads and writes manifests of one repository: HEAD by tag or digest, PUT with the exact bytes and media type. */
final class ManifestPusher {

    private final RegistrySession session;
    private final String repository;

    ManifestPusher(RegistrySession session) {
        this.session = session;
        this.repository = session.repository();
    }

    /** The digest of the manifest {@code reference} (a tag or digest) names, or null when there is none. */
    String digestOf(String reference) throws PushException {
        HttpResponse<byte[]> r = session.send(HttpRequest.newBuilder(session.uri(path(reference)))
                .header("Accept", MediaTypes.ACCEPT).method("HEAD", HttpRequest.BodyPublishers.noBody()), session.pushScopes());
        if (r.statusCode() == 404) {
            return null;
        }
        if (r.statusCode() != 200) {
            throw new PushException("pushing to " + session.registry() + "/" + repository + ": checking " + what(reference)
                    + " failed: " + session.describeRefusedHead(r, session.pushScopes())
                    + RegistryHints.forStatus(r.statusCode(), session.registry()));
        }
        return r.headers().firstValue("Docker-Content-Digest").orElse("");
    }

    /** The bytes of the manifest {@code reference} names, or null when there is none. */
    byte[] get(String reference, String accept) throws PushException {
        HttpResponse<byte[]> r = session.send(HttpRequest.newBuilder(session.uri(path(reference)))
                .header("Accept", accept).GET(), session.pushScopes());
        if (r.statusCode() == 404) {
            return null;
        }
        if (r.statusCode() != 200) {
            throw new PushException("pushing to " + session.registry() + "/" + repository + ": reading " + what(reference)
                    + " failed: " + RegistryError.describe(r) + RegistryHints.forStatus(r.statusCode(), session.registry()));
        }
        return r.body();
    }

    /** Puts {@code m} under {@code reference} (its tag, or its digest); returns the registry's answer. */
    HttpResponse<byte[]> put(LayoutManifest m, String reference) throws PushException {
        return put(m.bytes(), m.mediaType(), m.descriptor().digest(), reference);
    }

    /** Puts manifest bytes of a media type under {@code reference}. */
    HttpResponse<byte[]> put(byte[] bytes, String mediaType, String digest, String reference) throws PushException {
        HttpResponse<byte[]> r = session.send(HttpRequest.newBuilder(session.uri(path(reference)))
                .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)), session.pushScopes());
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new PushException("pushing to " + session.registry() + "/" + repository + ": manifest "
                    + "sha256:" + digest.substring(7, 19) + (reference.startsWith("sha256:") ? "" : " as tag " + reference)
                    + " refused: " + RegistryError.describe(r) + RegistryHints.forStatus(r.statusCode(), session.registry()));
        }
        String got = r.headers().firstValue("Docker-Content-Digest").orElse(null);
        if (got != null && !got.equals(digest)) {
            throw new PushException("registry " + session.registry() + " stored manifest sha256:" + digest.substring(7, 19)
                    + " of " + repository + " under another digest (" + got + ")");
        }
        return r;
    }

    /** Puts a manifest by its digest unless the repository has it; true when it was sent. */
    boolean putByDigestUnlessPresent(LayoutManifest m) throws PushException {
        if (m.descriptor().digest().equals(digestOf(m.descriptor().digest()))) {
            return false;
        }
        put(m, m.descriptor().digest());
        return true;
    }

    private static String what(String reference) {
        return reference.startsWith("sha256:") ? "manifest sha256:" + reference.substring(7, 19) : "tag " + reference;
    }

    private String path(String reference) {
        return "/v2/" + repository + "/manifests/" + reference;
    }
}
