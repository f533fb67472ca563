package org.jsupermin.oci;

import java.util.List;

import org.jsupermin.tree.TreeEntry;

/**
 * One layer of an image before it is written.
 *
 * @param description what the layer holds, for its history entry ("source packages: bash")
 * @param entries the layer's entries in tree order, with the parent directories they need; hard
 *     links point at the first member of their group inside this layer
 */
public record Layer(String description, List<TreeEntry> entries) {

    public Layer {
        entries = List.copyOf(entries);
    }
}
