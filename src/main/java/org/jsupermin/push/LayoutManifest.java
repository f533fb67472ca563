package org.jsupermin.push;

import java.util.List;

/**
 * A manifest or index read from a layout, with its exact bytes (a registry stores and digests them as they are).
 *
 * @param descriptor the descriptor that points to it
 * @param bytes its bytes
 * @param mediaType its media type
 * @param blobs the blobs it needs in the repository first (config, then layers), none for an index
 * @param children the manifests an index lists, none for an image manifest
 * @param subject the manifest it refers to (a referrer such as an SBOM), or null
 */
record LayoutManifest(Descriptor descriptor, byte[] bytes, String mediaType, List<Descriptor> blobs,
        List<Descriptor> children, Descriptor subject) {

    /** The value of a manifest annotation ({@code org.opencontainers.image.base.name}), or null. */
    String annotation(String key) {
        return descriptor.annotations().get(key);
    }
}
