package org.jsupermin.oci;

/**
 * A document that refers to the image (an SBOM), stored in the layout as an OCI referrer: an
 * artifact manifest whose {@code subject} is the image manifest and whose one layer is the
 * document.
 *
 * @param artifactType the artifact's type, also the layer's media type ("application/spdx+json")
 * @param content the document's bytes
 */
public record Referrer(String artifactType, byte[] content) {
}
