package org.jsupermin.push;

/** The manifest media types a push knows: OCI and Docker image manifests and indexes. */
final class MediaTypes {

    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

    /** What a manifest GET or HEAD accepts. */
    static final String ACCEPT = String.join(", ", OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_LIST);

    private MediaTypes() {
    }

    static boolean isManifest(String mediaType) {
        return OCI_MANIFEST.equals(mediaType) || DOCKER_MANIFEST.equals(mediaType);
    }

    static boolean isIndex(String mediaType) {
        return OCI_INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType);
    }

    /** Layers a registry must not be sent (their content lives elsewhere). */
    static boolean isForeign(String mediaType) {
        return mediaType.contains("nondistributable") || mediaType.contains("foreign");
    }
}
