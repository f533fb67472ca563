package org.jsupermin.oci;

/**
 * A content-addressed blob as a descriptor names it.
 *
 * @param mediaType its OCI media type
 * @param digest "sha256:" and the lowercase hex SHA-256 of its bytes
 * @param size its length in bytes
 */
public record Blob(String mediaType, String digest, long size) {

    /** The hex part of the digest: the blob's file name under {@code blobs/sha256/}. */
    public String hex() {
        return digest.substring(digest.indexOf(':') + 1);
    }
}
