package org.jsupermin.oci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import org.jsupermin.host.FileIdentity;
import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.Digests;

/**
 * The layer cache's key of a layer: a SHA-256 over everything that decides the layer's compressed
 * bytes. That is the cache's format version and the code that writes layers, the compression and
 * its level, and every entry as the tar writer gets it (path, type, mode, owner, the written
 * mtime, size, link target, hard-link group, device numbers, xattrs) with its content: a host
 * file by its path and identity (device, inode, size, modification and change times with their
 * nanoseconds), other content by its bytes. Every value is written with its length, so that no
 * two different layers give the same text.
 */
final class LayerKey {

    /** Changes whenever the tar or compression bytes for the same entries, or this encoding, change. */
    static final String VERSION = "jsupermin layer cache 3";

    private final MessageDigest digest = Digests.sha256();
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private final Instant settledBefore;

    private LayerKey(Instant settledBefore) {
        this.settledBefore = settledBefore;
    }

    /**
     * The key of {@code layer} in hex, or null when the layer must not be cached: a host file in
     * it changed at or after {@code settledBefore} (a later change within the same timestamp tick
     * could leave its identity as it is), or it holds a socket, which the tar leaves out with a
     * warning that a cached layer would not give.
     *
     * @throws IOException when a host file cannot be examined (the layer's writing then says why)
     */
    static String of(Layer layer, LayerCompression compression, Instant settledBefore) throws IOException {
        LayerKey key = new LayerKey(settledBefore);
        key.text(VERSION).text(CodeIdentity.VALUE).text(compression.option())
                .number(compression == LayerCompression.GZIP ? LayerCompression.GZIP_LEVEL : 0);
        for (TreeEntry e : layer.entries()) {
            if (e.type() == EntryType.SOCKET || !key.entry(e)) {
                return null;
            }
        }
        key.flush();
        return HexFormat.of().formatHex(key.digest.digest());
    }

    /** Adds one entry; false when its content makes the layer uncacheable. */
    private boolean entry(TreeEntry e) throws IOException {
        text(e.path()).text(e.type().name()).number(e.mode()).number(e.uid()).number(e.gid()).number(e.mtime())
                .number(e.size()).text(e.linkTarget()).text(e.hardLinkGroup()).number(e.devMajor())
                .number(e.devMinor()).number(e.xattrs().size());
        for (Map.Entry<String, byte[]> x : e.xattrs().entrySet()) {
            text(x.getKey()).bytes(x.getValue());
        }
        if (e.type() != EntryType.FILE || e.isHardLinkToEarlier()) {
            return true;
        }
        return content(e.source());
    }

    private boolean content(ContentSource source) throws IOException {
        if (source == null) {
            text("none");
            return true;
        }
        if (source instanceof ContentSource.HostFile h) {
            return hostFile(h.path());
        }
        if (source instanceof ContentSource.Bytes b) {
            text("bytes").bytes(b.data());
            return true;
        }
        if (source instanceof ContentSource.Spooled s) {
            text("spooled").number(s.size());
            if (s.isSparse()) {
                number(s.sparse().length);
                for (long v : s.sparse()) {
                    number(v);
                }
            }
            try (InputStream in = s.isSparse() ? s.openData() : s.open()) {
                stream(in);
            }
            return true;
        }
        return false;
    }

    /** A host file's path and identity, following links as the tar writer does when it reads it. */
    private boolean hostFile(Path path) throws IOException {
        FileIdentity id = FileIdentity.of(path);
        if (id.changedSince(settledBefore)) {
            return false;
        }
        text("host").text(path.toString()).number(id.dev()).number(id.ino()).number(id.size())
                .number(id.mtimeSeconds()).number(id.mtimeNanos()).number(id.ctimeSeconds()).number(id.ctimeNanos());
        return true;
    }

    private LayerKey text(String s) {
        if (s == null) {
            return number(-1);
        }
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private LayerKey bytes(byte[] b) {
        number(b.length);
        if (b.length > buffer.length - position) {
            flush();
            digest.update(b);
        } else {
            System.arraycopy(b, 0, buffer, position, b.length);
            position += b.length;
        }
        return this;
    }

    /**
     * A number as a varint of its zigzag form (7 bits a byte, low first, the high bit saying more
     * follow): no two sequences of numbers give the same bytes, and small numbers, most of a
     * header's, take one or two.
     */
    private LayerKey number(long v) {
        if (buffer.length - position < 10) {
            flush();
        }
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7fL) != 0) {
            buffer[position++] = (byte) ((z & 0x7f) | 0x80);
            z >>>= 7;
        }
        buffer[position++] = (byte) z;
        return this;
    }

    private void stream(InputStream in) throws IOException {
        flush();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            digest.update(buf, 0, n);
            total += n;
        }
        number(total);
    }

    /** Hands the collected bytes to the digest: small values are collected, not digested one by one. */
    private void flush() {
        digest.update(buffer, 0, position);
        position = 0;
    }

    /**
     * The code that writes layers: the jar's (or class directory's) path, size and modification
     * time, so that a new build of the tool, whose tar or compression bytes may differ, starts
     * with fresh keys even when {@link #VERSION} was not changed.
     */
    private static final class CodeIdentity {
        static final String VALUE = identity();

        private static String identity() {
            try {
                Path code = Path.of(LayerKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toInstant();
            } catch (Exception e) {
                return "unknown";
            }
        }
    }
}
