package org.jsupermin.oci;

import java.util.List;

/**
 * A written image.
 *
 * @param manifest the image manifest's descriptor (its digest is the image's digest)
 * @param config the configuration's descriptor (its digest is Docker's image id)
 * @param layers the layers, bottom first
 * @param referrers the descriptors of the referrer manifests (SBOMs), in the order given
 */
public record OciImage(Blob manifest, Blob config, List<LayerBlob> layers, List<Blob> referrers) {

    public OciImage {
        layers = List.copyOf(layers);
        referrers = List.copyOf(referrers);
    }
}
