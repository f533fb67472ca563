package org.jsupermin.push;

import java.util.Map;

/**
 * What a push did.
 *
 * @param target where the image went
 * @param digest the digest of the manifest the tag now names
 * @param manifestPushed false when the tag already named that manifest (nothing was changed)
 * @param blobs what became of each blob, by digest, sorted
 * @param uploadedBytes the bytes of the blobs sent
 * @param referrers the referrer manifests (SBOMs, ...) the registry now lists for the image
 * @param requests the HTTP requests made, by method, sorted
 */
public record PushResult(ImageReference target, String digest, boolean manifestPushed, Map<String, BlobOutcome> blobs,
        long uploadedBytes, int referrers, Map<String, Integer> requests) {

    /** Copies the maps, keeping them sorted. */
    public PushResult {
        blobs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(blobs));
        requests = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(requests));
    }

    /** How many blobs had this outcome. */
    public long count(BlobOutcome outcome) {
        return blobs.values().stream().filter(o -> o == outcome).count();
    }
}
