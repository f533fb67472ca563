package org.jsupermin.oci;

import java.nio.file.Path;

/**
 * A written layer.
 *
 * @param blob the compressed layer as the manifest names it
 * @param diffId "sha256:" and the SHA-256 of the uncompressed tar, for the config's rootfs
 * @param file where its bytes are
 * @param description what it holds, for the history
 */
public record LayerBlob(Blob blob, String diffId, Path file, String description) {
}
