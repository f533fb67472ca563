package org.jsupermin.push;

import java.nio.file.Path;
import java.util.List;

/**
 * What to push where.
 *
 * @param layout the OCI image layout directory holding the image
 * @param target where it goes
 * @param insecureRegistries registries ({@code HOST} or {@code HOST:PORT}) spoken to over plain HTTP
 * @param mountFrom repositories of the target's registry that may hold the blobs already (tried by cross-repository mount)
 * @param credentials where credentials are looked for
 * @param chunkSize blobs larger than this are sent in chunks of this size (PATCH); smaller ones in one PUT
 */
public record PushRequest(Path layout, ImageReference target, List<String> insecureRegistries, List<String> mountFrom,
        CredentialSources credentials, long chunkSize) {

    /** The default chunk size: 32 MiB, or the system property {@code jsupermin.push.chunkSize} in bytes. */
    public static long defaultChunkSize() {
        return Long.getLong("jsupermin.push.chunkSize", 32L << 20);
    }

    /** Copies the lists; the chunk size must be positive. */
    public PushRequest {
        insecureRegistries = List.copyOf(insecureRegistries);
        mountFrom = List.copyOf(mountFrom);
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
        }
    }
}
