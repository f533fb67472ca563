package org.jsupermin.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.apache.commons.io.input.BoundedInputStream;

/**
 * Puts one blob in a repository: HEAD first (present: done), then a cross-repository mount from
 * each candidate repository, then an upload session: one PUT for a small blob, PATCH chunks with
 * {@code Content-Range} and a closing PUT for a large one.
 */
final class BlobUploader {

    private final RegistrySession session;
    private final String repository;
    private final long chunkSize;

    BlobUploader(RegistrySession session, long chunkSize) {
        this.session = session;
        this.repository = session.repository();
        this.chunkSize = chunkSize;
    }

    /** The registry as named in the reference. */
    String registry() {
        return session.registry();
    }

    /** Whether the repository has the blob (HEAD). */
    boolean exists(Descriptor blob) throws PushException {
        HttpResponse<byte[]> r = session.send(HttpRequest.newBuilder(session.uri(blobPath(blob)))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), session.pushScopes());
        if (r.statusCode() == 200) {
            return true;
        }
        if (r.statusCode() == 404) {
            return false;
        }
        throw new PushException("pushing to " + session.registry() + "/" + repository + ": checking blob " + blob.shortDigest()
                + " failed: " + session.describeRefusedHead(r, session.pushScopes())
                + RegistryHints.forStatus(r.statusCode(), session.registry()));
    }

    /** Puts the blob (held in {@code file}) in the repository, mounting it from {@code sources} when one has it. */
    BlobOutcome push(Descriptor blob, Path file, List<String> sources) throws PushException {
        if (exists(blob)) {
            return BlobOutcome.EXISTS;
        }
        URI location = null;
        for (String source : sources) {
            if (source == null || source.equals(repository)) {
                continue;
            }
            String query = "?mount=" + enc(blob.digest()) + "&from=" + enc(source);
            HttpResponse<byte[]> r = session.send(HttpRequest.newBuilder(session.uri(uploadsPath() + query))
                    .POST(HttpRequest.BodyPublishers.noBody()),
                    List.of("repository:" + repository + ":pull,push", "repository:" + source + ":pull"));
            if (r.statusCode() == 201) {
                checkDigest(blob, r);
                return BlobOutcome.MOUNTED;
            }
            if (r.statusCode() == 202) {
                // the registry could not mount it and opened an upload session instead
                location = location(blob, r);
                break;
            }
            if (r.statusCode() != 401 && r.statusCode() != 403 && r.statusCode() != 404) {
                throw refused(blob, "mounting from " + source, r);
            }
        }
        if (location == null) {
            HttpResponse<byte[]> r = session.send(HttpRequest.newBuilder(session.uri(uploadsPath()))
                    .POST(HttpRequest.BodyPublishers.noBody()), session.pushScopes());
            if (r.statusCode() != 202) {
                throw refused(blob, "starting the upload of", r);
            }
            location = location(blob, r);
        }
        if (blob.size() > chunkSize) {
            location = sendChunks(blob, file, location);
            finish(blob, location, HttpRequest.BodyPublishers.noBody());
        } else {
            finish(blob, location, slice(file, 0, blob.size()));
        }
        return BlobOutcome.UPLOADED;
    }

    private URI sendChunks(Descriptor blob, Path file, URI start) throws PushException {
        URI location = start;
        for (long offset = 0; offset < blob.size(); offset += chunkSize) {
            long length = Math.min(chunkSize, blob.size() - offset);
            HttpResponse<byte[]> r = session.send(HttpRequest.newBuilder(location)
                    .header("Content-Type", "application/octet-stream")
                    .header("Content-Range", offset + "-" + (offset + length - 1))
                    .method("PATCH", slice(file, offset, length)), session.pushScopes());
            if (r.statusCode() != 202) {
                throw refused(blob, "sending bytes " + offset + "-" + (offset + length - 1) + " of", r);
            }
            location = location(blob, r);
        }
        return location;
    }

    private void finish(Descriptor blob, URI location, HttpRequest.BodyPublisher body) throws PushException {
        String sep = location.getRawQuery() == null ? "?" : "&";
        URI put = URI.create(location + sep + "digest=" + enc(blob.digest()));
        HttpResponse<byte[]> r = session.send(HttpRequest.newBuilder(put)
                .header("Content-Type", "application/octet-stream").PUT(body), session.pushScopes());
        if (r.statusCode() != 201) {
            throw refused(blob, "completing the upload of", r);
        }
        checkDigest(blob, r);
    }

    private void checkDigest(Descriptor blob, HttpResponse<byte[]> r) throws PushException {
        String got = r.headers().firstValue("Docker-Content-Digest").orElse(null);
        if (got != null && !got.equals(blob.digest())) {
            throw new PushException("registry " + session.registry() + " stored blob " + blob.shortDigest() + " of "
                    + repository + " under another digest (" + got + "); the layout's file does not match its name: "
                    + "build the image again");
        }
    }

    private URI location(Descriptor blob, HttpResponse<byte[]> r) throws PushException {
        String location = r.headers().firstValue("Location").orElse(null);
        if (location == null || location.isEmpty()) {
            throw new PushException("registry " + session.registry() + " opened an upload for blob " + blob.shortDigest()
                    + " of " + repository + " without a Location to send it to");
        }
        try {
            return session.uri(location);
        } catch (IllegalArgumentException e) {
            throw new PushException("registry " + session.registry() + " gave an upload Location that is not a URL");
        }
    }

    private PushException refused(Descriptor blob, String doing, HttpResponse<byte[]> r) {
        return new PushException("pushing to " + session.registry() + "/" + repository + ": " + doing + " blob "
                + blob.shortDigest() + " failed: " + RegistryError.describe(r) + RegistryHints.forStatus(r.statusCode(), session.registry()));
    }

    private String blobPath(Descriptor blob) {
        return "/v2/" + repository + "/blobs/" + blob.digest();
    }

    private String uploadsPath() {
        return "/v2/" + repository + "/blobs/uploads/";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code length} bytes of {@code file} from {@code offset}, re-readable (a request may be sent again after a 401). */
    private static HttpRequest.BodyPublisher slice(Path file, long offset, long length) {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> open(file, offset, length)),
                length);
    }

    private static InputStream open(Path file, long offset, long length) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            ch.position(offset);
            return BoundedInputStream.builder().setInputStream(Channels.newInputStream(ch)).setMaxCount(length).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
