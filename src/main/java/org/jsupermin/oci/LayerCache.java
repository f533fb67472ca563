package org.jsupermin.oci;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.jsupermin.format.FormatException;
import org.jsupermin.host.FileIdentity;
import org.jsupermin.host.HostUser;
import org.jsupermin.util.Digests;
import org.jsupermin.util.Reporter;
import org.jsupermin.util.TempFiles;

/**
 * Compressed layers kept between builds, so that an unchanged layer is never compressed twice:
 * {@code layers/records/KEY} maps a {@link LayerKey} to the layer's diff_id and blob, and
 * {@code layers/blobs/sha256/HEX} holds the blobs, in the jsupermin cache directory
 * ({@code $JSUPERMIN_CACHE_DIR}, else {@code /var/cache/jsupermin} for root, else
 * {@code ${XDG_CACHE_HOME:-$HOME/.cache}/jsupermin}).
 *
 * <p>A hit puts the blob into the output as a hard link (a copy by the kernel where a link cannot
 * be made) and checks the output's SHA-256 against the record, so the image is the same byte for
 * byte as one built without the cache; once a check has passed, the record keeps the blob
 * file's identity (device, inode, size, modification time), and later hits check the bytes
 * again only when that has moved. Sharing the inode with the output is safe for that reason:
 * whatever later writes to the output's file writes to the cached blob, moves its modification
 * time, and the next hit's check finds the change and writes the layer again. Anything wrong in the cache (a missing,
 * malformed or foreign record, a blob missing, of another size or other bytes) is a miss, never
 * an error. Files appear by rename only, so concurrent builds sharing the cache see whole
 * records and blobs or none; a blob deleted under a build that was about to use it is a miss too.
 */
public final class LayerCache {

    /** The bytes of blobs kept at most: least recently used ones beyond it are removed after a store. */
    public static final long MAX_BYTES = 2L << 30;
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 1024 * 1024;

    private final Path dir;
    private final Path records;
    private final Path blobs;
    private final Instant settledBefore;
    private final LayerCacheEviction eviction;
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicInteger stored = new AtomicInteger();
    private final AtomicInteger uncacheable = new AtomicInteger();
    private final AtomicInteger checked = new AtomicInteger();

    private LayerCache(Path dir, Instant settledBefore, long maxBytes) {
        this.dir = dir;
        this.records = dir.resolve("records");
        this.blobs = dir.resolve("blobs").resolve("sha256");
        this.settledBefore = settledBefore;
        this.eviction = new LayerCacheEviction(records, blobs, maxBytes);
    }

    /**
     * The cache of the environment's cache directory, made if missing; null, with one {@code -v}
     * line saying why, when there is none or it cannot be used (the build then goes on without).
     */
    public static LayerCache open(Map<String, String> environment, Reporter reporter) {
        Path base = location(environment);
        if (base == null) {
            reporter.info(1, "no layer cache: none of JSUPERMIN_CACHE_DIR, XDG_CACHE_HOME and HOME is set");
            return null;
        }
        // racy: a host file changed within the window before the opening (just before the layers'
        // keys are worked out). A key reads each file's identity before the layer's writing reads
        // its content; when the file's last change is older than that, any later change of its
        // content moves its change time past the one read, whatever the granularity of file
        // times. Measured from the opening rather than the build's start: a file that changed
        // while the tree was built is judged by the identity read after that change.
        return open(base, Instant.now().minusMillis(FileIdentity.RACY_MILLIS), MAX_BYTES, reporter);
    }

    /**
     * The cache under {@code base}, made if missing, or null; host files changed at or after
     * {@code settledBefore} make their layers uncacheable.
     */
    static LayerCache open(Path base, Instant settledBefore, long maxBytes, Reporter reporter) {
        Path dir = base.resolve("layers");
        try {
            Files.createDirectories(base);
            for (Path d : new Path[] {dir, dir.resolve("records"), dir.resolve("blobs"), dir.resolve("blobs/sha256")}) {
                if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
                    // the owner's alone: layers may hold files only the owner may read (hostfiles)
                    Files.createDirectory(d, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                            "rwx------")));
                }
                if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(d + " is not a directory");
                }
                if (!Files.isWritable(d)) {
                    throw new IOException(d + " is not writable");
                }
            }
        } catch (FileAlreadyExistsException e) {
            reporter.info(1, "no layer cache: cannot use " + dir + " (" + e.getFile() + " is not a directory)");
            return null;
        } catch (AccessDeniedException e) {
            reporter.info(1, "no layer cache: cannot use " + dir + " (" + e.getFile() + ": permission denied)");
            return null;
        } catch (IOException | SecurityException e) {
            reporter.info(1, "no layer cache: cannot use " + dir + " (" + e.getMessage() + ")");
            return null;
        }
        return new LayerCache(dir, settledBefore, maxBytes);
    }

    /** The jsupermin cache directory the environment names, or null when it names none. */
    static Path location(Map<String, String> environment) {
        String explicit = environment.get("JSUPERMIN_CACHE_DIR");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit).toAbsolutePath();
        }
        if (HostUser.isRoot()) {
            return Path.of("/var/cache/jsupermin");
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && xdg.startsWith("/")) {
            return Path.of(xdg, "jsupermin");
        }
        String home = environment.get("HOME");
        return home == null || !home.startsWith("/") ? null : Path.of(home, ".cache", "jsupermin");
    }

    /**
     * Writes {@code layer} into {@code file} (which must not exist) from the cache when it holds
     * the layer, else compresses it and stores the result.
     */
    LayerBlob write(Layer layer, LayerCompression compression, Path file) throws IOException, FormatException {
        String key;
        try {
            key = LayerKey.of(layer, compression, settledBefore);
        } catch (IOException e) {
            key = null; // a host file that cannot be examined: the writing says why
        }
        if (key == null) {
            uncacheable.incrementAndGet();
            return LayerWriter.write(layer, compression, file);
        }
        LayerBlob hit = reuse(key, compression, file, layer.description());
        if (hit != null) {
            reused.incrementAndGet();
            return hit;
        }
        LayerBlob written = LayerWriter.write(layer, compression, file);
        if (store(key, written)) {
            stored.incrementAndGet();
        }
        return written;
    }

    /** Layers taken from the cache so far. */
    int reused() {
        return reused.get();
    }

    /** Layers compressed and stored so far. */
    int stored() {
        return stored.get();
    }

    /** Reused blobs whose bytes were read to check their digest so far. */
    int checked() {
        return checked.get();
    }

    /** Layers that could not be cached so far. */
    int uncacheable() {
        return uncacheable.get();
    }

    /** What the cache did in this build, for {@code -v}. */
    public String summary() {
        return "layer cache " + dir + ": " + reused.get() + " layers reused, " + stored.get() + " stored, "
                + uncacheable.get() + " not cacheable (a file changed during the last second, or a socket)";
    }

    /**
     * The layer of {@code key} put into {@code file}, or null (a miss, {@code file} absent). Its
     * bytes are checked against the record's digest unless the blob file still has the identity
     * recorded at an earlier check (see {@link LayerCacheRecord#identity}); a check that passes on
     * a blob last modified before the racy window records the identity, so later hits read nothing.
     */
    private LayerBlob reuse(String key, LayerCompression compression, Path file, String description) {
        Path recordFile = records.resolve(key);
        LayerCacheRecord record = LayerCacheRecord.read(key, recordFile);
        if (record == null || !record.blob().mediaType().equals(compression.mediaType())) {
            return null;
        }
        Path blob = blobs.resolve(record.blob().hex());
        try {
            BasicFileAttributes a = Files.readAttributes(blob, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || a.size() != record.blob().size()) {
                return null;
            }
            FileIdentity before = FileIdentity.of(blob);
            place(blob, file);
            String identity = LayerCacheRecord.identity(before);
            if (!identity.equals(record.checked())) {
                checked.incrementAndGet();
                if (!record.blob().digest().equals(digest(file, record.blob().size()))) {
                    // the blob's bytes changed since it was stored: write the layer again, and let the
                    // store replace the blob
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(recordFile);
                    return null;
                }
                // a blob modified within the racy window might change again within its timestamp's
                // granularity, unseen: its identity is trusted only once it is older (a link, as
                // place made, changes the change time only, which the identity leaves out)
                boolean settled = Instant.ofEpochSecond(before.mtimeSeconds(), before.mtimeNanos())
                        .isBefore(settledBefore);
                if (settled && identity.equals(LayerCacheRecord.identity(FileIdentity.of(blob)))) {
                    TempFiles.replace(recordFile, record.checked(identity).encode(), "tmp");
                }
            }
        } catch (IOException | SecurityException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the writing that follows fails on it and says why
            }
            return null;
        }
        touch(recordFile);
        return new LayerBlob(record.blob(), record.diffId(), file, description);
    }

    /** Marks a record as just used, for the eviction; a record that cannot be touched ages, nothing more. */
    private static void touch(Path record) {
        try {
            Files.setLastModifiedTime(record, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | SecurityException e) {
            // another user's record in a shared cache directory
        }
    }

    /** Puts {@code blob} at {@code file}: a hard link, else a copy made by the kernel. */
    private static void place(Path blob, Path file) throws IOException {
        try {
            Files.createLink(file, blob);
            return;
        } catch (IOException | UnsupportedOperationException e) {
            // another file system, or links refused: copied below
        }
        copy(blob, file);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to, LinkOption.NOFOLLOW_LINKS);
    }

    /** "sha256:" and the SHA-256 of {@code file}'s content, or null when it does not have {@code size} bytes. */
    private static String digest(Path file, long size) throws IOException {
        MessageDigest sha = Digests.sha256();
        byte[] buf = new byte[BUFFER];
        ByteBuffer b = ByteBuffer.wrap(buf);
        long total = 0;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(b.clear())) > 0; ) {
                sha.update(buf, 0, n);
                total += n;
            }
        }
        return total == size ? "sha256:" + HexFormat.of().formatHex(sha.digest()) : null;
    }

    /**
     * Keeps {@code written} under {@code key}: the blob first (a link to the written file, else a
     * copy), then the record, each by rename; then removes what is beyond the size limit. False
     * when it could not be stored, which the build does not mind.
     */
    private boolean store(String key, LayerBlob written) {
        if (!KEY.matcher(key).matches()) {
            return false;
        }
        Path tmp = null;
        try {
            tmp = blobs.resolve(".tmp-" + TempFiles.randomName());
            try {
                Files.createLink(tmp, written.file());
            } catch (IOException | UnsupportedOperationException e) {
                copy(written.file(), tmp);
            }
            Files.move(tmp, blobs.resolve(written.blob().hex()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            LayerCacheRecord record = new LayerCacheRecord(key, written.diffId(), written.blob(),
                    LayerCacheRecord.UNCHECKED);
            TempFiles.replace(records.resolve(key), record.encode(), "tmp");
        } catch (IOException | SecurityException e) {
            deleteQuietly(tmp);
            return false;
        }
        eviction.run(key);
        return true;
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file: the eviction removes it later
        }
    }
}
