package org.jsupermin.oci;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Bounds the layer cache: after a store, the least recently used records (a hit touches its
 * record) are removed, with the blobs no other record names, until the blobs take at most the
 * limit; the record just stored always stays. Blobs no record names, records this version cannot
 * read (another version's) and temporary files are removed once they are an hour old: younger
 * ones may belong to a store under way in another build, which writes its blob before its
 * record. Every failure is ignored: the cache is only ever a little bigger than it should be.
 */
final class LayerCacheEviction {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final long STALE_MILLIS = 3600_000;

    private final Path records;
    private final Path blobs;
    private final long maxBytes;

    LayerCacheEviction(Path records, Path blobs, long maxBytes) {
        this.records = records;
        this.blobs = blobs;
        this.maxBytes = maxBytes;
    }

    /** A record on disk and when it was last used. */
    private record Entry(Path file, String blobHex, long usedMillis) {
    }

    /** Removes what is beyond the limit, keeping the record of {@code justStored}. */
    synchronized void run(String justStored) {
        long now = System.currentTimeMillis();
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> users = new TreeMap<>();
        for (Path f : list(records)) {
            String name = f.getFileName().toString();
            BasicFileAttributes a = attributes(f);
            if (a == null || !a.isRegularFile()) {
                continue;
            }
            if (!HEX.matcher(name).matches()) {
                removeIfStale(f, a, now);
                continue;
            }
            LayerCacheRecord r = LayerCacheRecord.read(name, f);
            if (r == null) {
                removeIfStale(f, a, now); // another version's or a damaged record
                continue;
            }
            entries.add(new Entry(f, r.blob().hex(), a.lastModifiedTime().toMillis()));
            users.merge(r.blob().hex(), 1, Integer::sum);
        }
        Map<String, Long> sizes = new TreeMap<>();
        long total = 0;
        for (Path f : list(blobs)) {
            String name = f.getFileName().toString();
            BasicFileAttributes a = attributes(f);
            if (a == null || !a.isRegularFile()) {
                continue;
            }
            if (!users.containsKey(name)) {
                removeIfStale(f, a, now);
                continue;
            }
            sizes.put(name, a.size());
            total += a.size();
        }
        entries.sort(Comparator.comparingLong(Entry::usedMillis).thenComparing(e -> e.file().getFileName().toString()));
        for (Entry e : entries) {
            if (total <= maxBytes) {
                break;
            }
            if (e.file().getFileName().toString().equals(justStored)) {
                continue;
            }
            delete(e.file());
            if (users.merge(e.blobHex(), -1, Integer::sum) == 0 && sizes.containsKey(e.blobHex())) {
                delete(blobs.resolve(e.blobHex()));
                total -= sizes.get(e.blobHex());
            }
        }
    }

    private static List<Path> list(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(files::add);
        } catch (IOException | SecurityException e) {
            // nothing to bound this time
        }
        files.sort(null);
        return files;
    }

    private static BasicFileAttributes attributes(Path f) {
        try {
            return Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static void removeIfStale(Path f, BasicFileAttributes a, long now) {
        if (now - a.lastModifiedTime().toMillis() > STALE_MILLIS) {
            delete(f);
        }
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException | SecurityException ignored) {
            // another build removed it, or it cannot be: left
        }
    }
}
