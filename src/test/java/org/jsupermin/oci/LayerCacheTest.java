package org.jsupermin.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.jsupermin.testing.SampleTree;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.FileTrees;
import org.jsupermin.util.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layer cache: a second write of the same layer is a hit with the same bytes, and anything
 * wrong in the cache (record or blob missing, malformed, of another size or other bytes) is a
 * miss that writes the layer again, never an error.
 */
class LayerCacheTest {

    private static final Instant LATER = Instant.now().plusSeconds(3600);

    @TempDir
    Path tmp;
    /** The cache directory of the current case (several cases may run in one test). */
    private Path base;

    private Layer layer(String motd) throws Exception {
        List<TreeEntry> entries = new ArrayList<>();
        for (TreeEntry e : SampleTree.entries(tmp)) {
            if (e.type() != EntryType.SOCKET) {
                entries.add(e);
            }
        }
        byte[] b = motd.getBytes(StandardCharsets.UTF_8);
        entries.add(TreeEntry.file("/etc/motd", 0644, SampleTree.MTIME, b.length, new ContentSource.Bytes(b, "motd")));
        ApplianceTree tree = ApplianceTree.of(entries);
        return LayerPlanner.plan(tree, PackageOwners.of(Map.of(), Map.of()), 1).layers().get(0);
    }

    private LayerCache cache(long maxBytes) {
        if (base == null) {
            base = tmp.resolve("cache");
        }
        LayerCache cache = LayerCache.open(base, LATER, maxBytes, Reporter.SILENT);
        assertNotNull(cache);
        return cache;
    }

    private Path blobs() {
        return base.resolve("layers/blobs/sha256");
    }

    private Path record(Layer layer) throws Exception {
        return base.resolve("layers/records").resolve(LayerKey.of(layer, LayerCompression.GZIP, LATER));
    }

    private int count = 0;

    private LayerBlob write(LayerCache cache, Layer layer) throws Exception {
        return cache.write(layer, LayerCompression.GZIP, tmp.resolve("out-" + count++));
    }

    /** Writes the layer cold, breaks the cache with {@code damage}, and expects a miss giving the same layer. */
    private void damagedCacheIsAMiss(Consumer<LayerBlob> damage) throws Exception {
        Layer layer = layer("hello\n");
        base = tmp.resolve("cache-" + count);
        LayerCache cache = cache(LayerCache.MAX_BYTES);
        LayerBlob cold = write(cache, layer);
        byte[] expected = Files.readAllBytes(cold.file());
        damage.accept(cold);
        LayerBlob again = write(cache, layer);
        assertEquals(0, cache.reused());
        assertEquals(2, cache.stored());
        assertEquals(cold.blob(), again.blob());
        assertEquals(cold.diffId(), again.diffId());
        assertArrayEquals(expected, Files.readAllBytes(again.file()));
        // and the cache is whole again
        LayerBlob warm = write(cache, layer);
        assertEquals(1, cache.reused());
        assertArrayEquals(expected, Files.readAllBytes(warm.file()));
    }

    @Test
    void theSecondWriteIsAHitWithTheSameBytes() throws Exception {
        Layer layer = layer("hello\n");
        LayerCache cache = cache(LayerCache.MAX_BYTES);
        LayerBlob cold = write(cache, layer);
        LayerBlob warm = write(cache, layer);
        assertEquals(1, cache.stored());
        assertEquals(1, cache.reused());
        assertEquals(cold.blob(), warm.blob());
        assertEquals(cold.diffId(), warm.diffId());
        assertArrayEquals(Files.readAllBytes(cold.file()), Files.readAllBytes(warm.file()));
        LayerBlob uncached = LayerWriter.write(layer, LayerCompression.GZIP, tmp.resolve("plain"));
        assertEquals(uncached.blob(), warm.blob());
        assertEquals(uncached.diffId(), warm.diffId());
        assertTrue(cache.summary().contains("1 layers reused, 1 stored, 0 not cacheable"), cache.summary());
    }

    @Test
    void anOutputOnAnotherFileSystemGetsACheckedCopy() throws Exception {
        // /dev/shm is a tmpfs on Linux, the test's directory a disk: no hard link between them
        Path shm = Files.createTempDirectory(Path.of("/dev/shm"), "layer-cache-test");
        try {
            Layer layer = layer("hello\n");
            LayerCache cache = cache(LayerCache.MAX_BYTES);
            LayerBlob cold = cache.write(layer, LayerCompression.GZIP, shm.resolve("cold"));
            LayerBlob warm = cache.write(layer, LayerCompression.GZIP, shm.resolve("warm"));
            assertEquals(1, cache.stored());
            assertEquals(1, cache.reused());
            Path blob = blobs().resolve(cold.blob().hex());
            assertFalse(Files.isSameFile(blob, warm.file()));
            assertArrayEquals(Files.readAllBytes(cold.file()), Files.readAllBytes(warm.file()));
            assertArrayEquals(Files.readAllBytes(blob), Files.readAllBytes(warm.file()));
            // the copy is checked too: a blob changed in the cache is a miss
            flipLastByte(blob);
            LayerBlob again = cache.write(layer, LayerCompression.GZIP, shm.resolve("again"));
            assertEquals(1, cache.reused());
            assertArrayEquals(Files.readAllBytes(cold.file()), Files.readAllBytes(again.file()));
        } finally {
            FileTrees.deleteRecursively(shm);
        }
    }

    @Test
    void aHitSharesTheCachedBlobsInodeOnTheSameFileSystem() throws Exception {
        Layer layer = layer("hello\n");
        LayerCache cache = cache(LayerCache.MAX_BYTES);
        LayerBlob cold = write(cache, layer);
        LayerBlob warm = write(cache, layer);
        Path blob = blobs().resolve(cold.blob().hex());
        assertTrue(Files.isSameFile(blob, cold.file()));
        assertTrue(Files.isSameFile(blob, warm.file()));
    }

    @Test
    void aCheckedBlobIsReadAgainOnlyWhenItsIdentityMoves() throws Exception {
        Layer layer = layer("hello\n");
        LayerCache cache = cache(LayerCache.MAX_BYTES);
        LayerBlob cold = write(cache, layer);
        byte[] expected = Files.readAllBytes(cold.file());
        Path blob = blobs().resolve(cold.blob().hex());
        // an older blob (a change within its timestamp's granularity could go unseen otherwise)
        Files.setLastModifiedTime(blob, FileTime.from(Instant.now().minusSeconds(60)));
        write(cache, layer);
        assertEquals(1, cache.checked(), "the first hit reads the blob");
        assertTrue(Files.readString(recordOf(cold)).contains("\nchecked " + Files.getAttribute(blob, "unix:dev") + " "
                + Files.getAttribute(blob, "unix:ino") + " " + cold.blob().size() + " "), Files.readString(recordOf(cold)));
        LayerBlob warm = write(cache, layer);
        assertEquals(1, cache.checked(), "a hit on a checked blob reads nothing");
        assertArrayEquals(expected, Files.readAllBytes(warm.file()));
        // a write through an output sharing the blob's inode moves its modification time
        flipLastByte(warm.file());
        LayerBlob again = write(cache, layer);
        assertEquals(2, cache.checked());
        assertEquals(2, cache.reused());
        assertEquals(2, cache.stored(), "the changed blob is a miss, the layer written again");
        assertArrayEquals(expected, Files.readAllBytes(again.file()));
    }

    @Test
    void aBlobModifiedWithinTheRacyWindowIsCheckedAtEveryHit() throws Exception {
        base = tmp.resolve("cache");
        LayerCache cache = LayerCache.open(base, Instant.now().minusSeconds(1), LayerCache.MAX_BYTES, Reporter.SILENT);
        assertNotNull(cache);
        // content from memory only: no host file that the racy window would make uncacheable
        byte[] b = "hello\n".getBytes(StandardCharsets.UTF_8);
        Layer layer = LayerPlanner.plan(ApplianceTree.of(List.of(TreeEntry.directory("/", 0755, SampleTree.MTIME),
                TreeEntry.directory("/etc", 0755, SampleTree.MTIME),
                TreeEntry.file("/etc/motd", 0644, SampleTree.MTIME, b.length, new ContentSource.Bytes(b, "motd")))),
                PackageOwners.of(Map.of(), Map.of()), 1).layers().get(0);
        LayerBlob cold = write(cache, layer);
        write(cache, layer);
        write(cache, layer);
        assertEquals(2, cache.reused());
        assertEquals(2, cache.checked());
        assertTrue(Files.readString(recordOf(cold)).endsWith("\nchecked -\n"), Files.readString(recordOf(cold)));
    }

    @Test
    void anotherLayerIsAMiss() throws Exception {
        LayerCache cache = cache(LayerCache.MAX_BYTES);
        LayerBlob a = write(cache, layer("hello\n"));
        LayerBlob b = write(cache, layer("hullo\n"));
        assertEquals(0, cache.reused());
        assertEquals(2, cache.stored());
        assertFalse(a.blob().equals(b.blob()));
    }

    @Test
    void aMissingRecordIsAMiss() throws Exception {
        damagedCacheIsAMiss(l -> delete(recordOf(l)));
    }

    @Test
    void aMalformedRecordIsAMiss() throws Exception {
        damagedCacheIsAMiss(l -> rewrite(recordOf(l), s -> s.replace("size ", "size  ")));
        damagedCacheIsAMiss(l -> rewrite(recordOf(l), s -> s.replace("\n", "\r\n")));
        damagedCacheIsAMiss(l -> rewrite(recordOf(l), s -> s.substring(0, s.length() / 2)));
        damagedCacheIsAMiss(l -> rewrite(recordOf(l), s -> "x".repeat(5000)));
        damagedCacheIsAMiss(l -> rewrite(recordOf(l), s -> s.replace("+gzip", "+zstd")));
    }

    @Test
    void aRecordOfAnotherKeyIsAMiss() throws Exception {
        damagedCacheIsAMiss(l -> {
            Path r = recordOf(l);
            rewrite(r, s -> s.replace("key " + r.getFileName(), "key " + "0".repeat(64)));
        });
    }

    @Test
    void aBlobOfAnotherSizeIsAMiss() throws Exception {
        damagedCacheIsAMiss(l -> truncate(blobOf(l), l.blob().size() - 1));
        damagedCacheIsAMiss(l -> truncate(blobOf(l), 0));
        damagedCacheIsAMiss(l -> append(blobOf(l)));
    }

    @Test
    void aMissingBlobIsAMiss() throws Exception {
        damagedCacheIsAMiss(l -> delete(blobOf(l)));
    }

    @Test
    void aBlobWithOtherBytesIsAMiss() throws Exception {
        damagedCacheIsAMiss(l -> flipLastByte(blobOf(l)));
    }

    @Test
    void anOutputChangedInPlaceIsNoticedAtTheNextHit() throws Exception {
        // a hit shares the cached blob's inode with the output when it can: a change to the output
        // is a change to the cached blob, which the next hit's check finds
        damagedCacheIsAMiss(l -> flipLastByte(l.file()));
    }

    @Test
    void aRecordThatIsASymbolicLinkIsNotFollowed() throws Exception {
        damagedCacheIsAMiss(l -> {
            try {
                Path r = recordOf(l);
                Path elsewhere = tmp.resolve("elsewhere");
                Files.move(r, elsewhere);
                Files.createSymbolicLink(r, elsewhere);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void theLeastRecentlyUsedLayersGoBeyondTheLimit() throws Exception {
        Layer a = layer("a\n");
        Layer b = layer("b\n");
        Layer c = layer("c\n");
        LayerCache big = cache(LayerCache.MAX_BYTES);
        long one = write(big, a).blob().size();
        write(big, b);
        // a used last: b is the least recently used
        Files.setLastModifiedTime(record(b), FileTime.from(Instant.now().minusSeconds(60)));
        Files.setLastModifiedTime(record(a), FileTime.from(Instant.now().minusSeconds(30)));
        LayerCache small = cache(2 * one + one / 2);
        write(small, c);
        assertTrue(Files.exists(record(a)));
        assertFalse(Files.exists(record(b)));
        assertTrue(Files.exists(record(c)));
        try (var files = Files.list(blobs())) {
            assertEquals(2, files.count());
        }
        // the layer just stored stays even when it alone is beyond the limit
        LayerCache tiny = cache(1);
        write(tiny, b);
        assertTrue(Files.exists(record(b)));
        assertFalse(Files.exists(record(a)));
        assertFalse(Files.exists(record(c)));
        try (var files = Files.list(blobs())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void leftoversAreRemovedOnceAnHourOld() throws Exception {
        LayerCache cache = cache(LayerCache.MAX_BYTES);
        write(cache, layer("a\n"));
        Path records = base.resolve("layers/records");
        FileTime old = FileTime.from(Instant.now().minusSeconds(7200));
        Path foreignRecord = Files.writeString(records.resolve("0".repeat(64)), "another version's record\n");
        Path staleTemp = Files.writeString(blobs().resolve(".tmp-0123456789abcdef"), "partial");
        Path staleOrphan = Files.writeString(blobs().resolve("1".repeat(64)), "no record names it");
        Path freshOrphan = Files.writeString(blobs().resolve("2".repeat(64)), "a store under way");
        for (Path p : List.of(foreignRecord, staleTemp, staleOrphan)) {
            Files.setLastModifiedTime(p, old);
        }
        write(cache, layer("b\n"));
        assertFalse(Files.exists(foreignRecord));
        assertFalse(Files.exists(staleTemp));
        assertFalse(Files.exists(staleOrphan));
        assertTrue(Files.exists(freshOrphan));
        assertTrue(Files.exists(record(layer("a\n"))));
        assertTrue(Files.exists(record(layer("b\n"))));
    }

    @Test
    void anUnusableCacheDirectoryIsNoCache() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        List<String> said = new ArrayList<>();
        Reporter reporter = new Reporter() {
            @Override
            public void info(int level, String message) {
                said.add(level + " " + message);
            }
        };
        assertNull(LayerCache.open(Map.of("JSUPERMIN_CACHE_DIR", file.toString()), reporter));
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("1 no layer cache: cannot use " + file + "/layers"), said.toString());
        Files.createDirectories(tmp.resolve("c"));
        Files.createSymbolicLink(tmp.resolve("c/layers"), tmp);
        assertNull(LayerCache.open(Map.of("JSUPERMIN_CACHE_DIR", tmp.resolve("c").toString()), reporter));
        assertEquals(2, said.size(), said.toString());
    }

    @Test
    void theLocationFollowsTheEnvironment() {
        assertEquals(Path.of("/srv/c"), LayerCache.location(Map.of("JSUPERMIN_CACHE_DIR", "/srv/c", "HOME", "/h")));
        if (!"root".equals(System.getProperty("user.name"))) {
            assertEquals(Path.of("/x/jsupermin"), LayerCache.location(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/h")));
            assertEquals(Path.of("/h/.cache/jsupermin"), LayerCache.location(Map.of("HOME", "/h")));
            assertNull(LayerCache.location(Map.of()));
        } else {
            assertEquals(Path.of("/var/cache/jsupermin"), LayerCache.location(Map.of("HOME", "/h")));
        }
    }

    private Path recordOf(LayerBlob l) {
        try (var files = Files.list(base.resolve("layers/records"))) {
            List<Path> records = files.toList();
            assertEquals(1, records.size(), records.toString());
            assertTrue(Files.readString(records.get(0)).contains(l.blob().digest()));
            return records.get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Path blobOf(LayerBlob l) {
        return blobs().resolve(l.blob().hex());
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void rewrite(Path p, UnaryOperator<String> change) {
        try {
            Files.writeString(p, change.apply(Files.readString(p)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void truncate(Path p, long size) {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void append(Path p) {
        try {
            Files.write(p, new byte[] {0}, StandardOpenOption.APPEND);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void flipLastByte(Path p) {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.seek(f.length() - 1);
            int b = f.read();
            f.seek(f.length() - 1);
            f.write(b ^ 0xff);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
