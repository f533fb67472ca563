package org.jsupermin.oci;

import java.util.List;

/**
 * What to write as an image.
 *
 * @param plan the layers
 * @param config the configuration
 * @param compression how layers are compressed
 * @param tags full names with tags ("base:1"), already normalized; may be empty
 * @param referrers documents stored as referrers of the image (an SBOM); may be empty
 * @param cache where compressed layers are kept between builds; null for none
 */
public record ImageRequest(LayerPlan plan, ImageConfig config, LayerCompression compression, List<String> tags,
                           List<Referrer> referrers, LayerCache cache) {

    public ImageRequest {
        tags = List.copyOf(tags);
        referrers = List.copyOf(referrers);
    }

    /** A request whose layers are all written, with no cache. */
    public ImageRequest(LayerPlan plan, ImageConfig config, LayerCompression compression, List<String> tags,
                        List<Referrer> referrers) {
        this(plan, config, compression, tags, referrers, null);
    }
}
