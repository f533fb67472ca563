/**
 * Pushes an OCI image layout to a registry over the OCI distribution API (Docker Registry HTTP
 * API v2): credentials as docker and podman keep them, Basic and Bearer authentication, blobs
 * checked before they are sent, cross-repository mounts, monolithic and chunked uploads, the
 * manifest last, and referrers.
 */
package org.jsupermin.push;
