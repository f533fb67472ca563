package org.jsupermin.oci;

import java.util.List;

/** The layers of an image, bottom first. */
public record LayerPlan(List<Layer> layers) {

    public LayerPlan {
        layers = List.copyOf(layers);
    }
}
