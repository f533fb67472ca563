package org.jsupermin.oci;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jsupermin.host.FileIdentity;
import org.jsupermin.util.TextLines;

/**
 * What the layer cache keeps for a key, as a small text file: the layer's diff_id, its
 * compressed blob's digest, size and media type, and the blob file's identity when its bytes
 * were last found to have that digest ("-" until then).
 *
 * <pre>
 * jsupermin layer cache 1
 * key …
 * diff_id sha256:…
 * digest sha256:…
 * size 12345
 * media_type application/vnd.oci.image.layer.v1.tar+gzip
 * checked DEV INO SIZE MTIME_SECONDS MTIME_NANOS
 * </pre>
 *
 * @param key the key, in hex (also the file's name: a record under another name is no record)
 * @param diffId "sha256:" and the SHA-256 of the uncompressed tar
 * @param blob the compressed layer
 * @param checked the blob file's device, inode, size and modification time (see {@link #identity})
 *     when its SHA-256 was last checked, or "-"
 */
record LayerCacheRecord(String key, String diffId, Blob blob, String checked) {

    /** The {@code checked} value of a blob whose bytes have not been checked since it was stored. */
    static final String UNCHECKED = "-";

    /** The most bytes a record may have; a bigger file is not one. */
    static final int MAX_BYTES = 1024;
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern SIZE = Pattern.compile("[0-9]{1,18}");
    private static final Pattern CHECKED = Pattern.compile("-|[0-9]{1,20}( [0-9]{1,20}){3} [0-9]{1,9}");

    /**
     * What {@code checked} holds of a blob file: the numbers a write to the file (through the
     * cache or through an output that shares its inode) or its replacement changes, as rsync's
     * quick check and make trust them.
     */
    static String identity(FileIdentity id) {
        return id.dev() + " " + id.ino() + " " + id.size() + " " + id.mtimeSeconds() + " " + id.mtimeNanos();
    }

    /** This record with {@code checked} set. */
    LayerCacheRecord checked(String identity) {
        return new LayerCacheRecord(key, diffId, blob, identity);
    }

    /** The record's file content. */
    byte[] encode() {
        return (LayerKey.VERSION + "\nkey " + key + "\ndiff_id " + diffId + "\ndigest " + blob.digest()
                + "\nsize " + blob.size() + "\nmedia_type " + blob.mediaType() + "\nchecked " + checked + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The record of {@code key} a file holds, or null when it is not exactly what this version
     * writes for that key (another version's record, another key's, truncated, edited): the
     * cache then treats the key as absent.
     */
    static LayerCacheRecord decode(String key, byte[] content) {
        if (content.length > MAX_BYTES) {
            return null;
        }
        List<String> lines = TextLines.of(new String(content, StandardCharsets.UTF_8));
        if (lines.size() != 7 || !lines.get(0).equals(LayerKey.VERSION)) {
            return null;
        }
        String diffId = value(lines.get(2), "diff_id ");
        String digest = value(lines.get(3), "digest ");
        String size = value(lines.get(4), "size ");
        String mediaType = value(lines.get(5), "media_type ");
        String checked = value(lines.get(6), "checked ");
        if (!("key " + key).equals(lines.get(1)) || diffId == null || digest == null || size == null
                || mediaType == null || !DIGEST.matcher(diffId).matches() || !DIGEST.matcher(digest).matches()
                || !SIZE.matcher(size).matches() || mediaType(mediaType) == null || checked == null
                || !CHECKED.matcher(checked).matches()) {
            return null;
        }
        LayerCacheRecord r = new LayerCacheRecord(key, diffId, new Blob(mediaType, digest, Long.parseLong(size)),
                checked);
        // byte for byte what would be written: no stray carriage returns, blank lines or padding
        return Arrays.equals(r.encode(), content) ? r : null;
    }

    /**
     * The record in {@code file}, or null when there is none, it is a symbolic link, or it is not a valid one for
     * {@code key}.
     */
    static LayerCacheRecord read(String key, Path file) {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer b = ByteBuffer.allocate(MAX_BYTES + 1);
            while (b.hasRemaining() && in.read(b) > 0) {
                // read up to one byte more than a record may have
            }
            byte[] content = new byte[b.position()];
            b.flip().get(content);
            return decode(key, content);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static String value(String line, String prefix) {
        return line.startsWith(prefix) ? line.substring(prefix.length()) : null;
    }

    private static LayerCompression mediaType(String mediaType) {
        for (LayerCompression c : LayerCompression.values()) {
            if (c.mediaType().equals(mediaType)) {
                return c;
            }
        }
        return null;
    }
}
