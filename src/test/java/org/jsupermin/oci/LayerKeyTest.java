package org.jsupermin.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layer cache's key: every header field and every host file's identity is in it, nothing else. */
class LayerKeyTest {

    private static final long MTIME = 1_700_000_000L;
    /** Every file of these tests counts as settled: none changes during a test's key computation. */
    private static final Instant LATER = Instant.now().plusSeconds(3600);

    @TempDir
    Path tmp;
    private Path host;

    @BeforeEach
    void hostFile() throws Exception {
        host = tmp.resolve("host.bin");
        Files.writeString(host, "host content\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(host, FileTime.from(Instant.ofEpochSecond(MTIME)));
    }

    private List<TreeEntry> entries() {
        SortedMap<String, byte[]> xattrs = new TreeMap<>();
        xattrs.put("user.a", new byte[] {1, 2});
        List<TreeEntry> l = new ArrayList<>();
        l.add(TreeEntry.directory("/", 0755, MTIME));
        l.add(new TreeEntry("/etc", EntryType.DIRECTORY, 0755, 0, 0, MTIME, 0, null, null, 0, 0, xattrs, null));
        l.add(TreeEntry.file("/etc/motd", 0644, MTIME, 5,
                new ContentSource.Bytes("hello".getBytes(StandardCharsets.US_ASCII), "motd")));
        l.add(TreeEntry.file("/usr/bin/tool", 0755, MTIME, 13, new ContentSource.HostFile(host))
                .withHardLinkGroup("/usr/bin/tool"));
        l.add(TreeEntry.file("/usr/bin/tool2", 0755, MTIME, 13, new ContentSource.HostFile(host))
                .withHardLinkGroup("/usr/bin/tool"));
        l.add(TreeEntry.symlink("/usr/bin/link", "tool", MTIME));
        l.add(new TreeEntry("/dev/null", EntryType.CHAR_DEVICE, 0666, 0, 0, MTIME, 0, null, null, 1, 3, null, null));
        return l;
    }

    private static String key(List<TreeEntry> entries) throws Exception {
        return LayerKey.of(new Layer("test", entries), LayerCompression.GZIP, LATER);
    }

    private String keyWith(int index, UnaryOperator<TreeEntry> change) throws Exception {
        List<TreeEntry> l = entries();
        l.set(index, change.apply(l.get(index)));
        return key(l);
    }

    private static TreeEntry copy(TreeEntry e, String path, EntryType type, int mode, int uid, int gid, long mtime,
                                  long size, String link, String group, int major, int minor,
                                  SortedMap<String, byte[]> xattrs, ContentSource source) {
        return new TreeEntry(path, type, mode, uid, gid, mtime, size, link, group, major, minor, xattrs, source);
    }

    @Test
    void theSameEntriesGiveTheSameKey() throws Exception {
        String first = key(entries());
        assertNotNull(first);
        assertEquals(64, first.length());
        assertEquals(first, key(entries()));
        assertEquals(first, LayerKey.of(new Layer("another description", entries()), LayerCompression.GZIP, LATER));
    }

    @Test
    void everyHeaderFieldIsInTheKey() throws Exception {
        SortedMap<String, byte[]> otherXattr = new TreeMap<>();
        otherXattr.put("user.a", new byte[] {1, 3});
        List<String> keys = List.of(
                key(entries()),
                keyWith(2, e -> e.withPath("/etc/motd2")),
                keyWith(2, e -> copy(e, e.path(), e.type(), 0600, e.uid(), e.gid(), e.mtime(), e.size(), null, null,
                        0, 0, e.xattrs(), e.source())),
                keyWith(2, e -> copy(e, e.path(), e.type(), e.mode(), 1, e.gid(), e.mtime(), e.size(), null, null,
                        0, 0, e.xattrs(), e.source())),
                keyWith(2, e -> copy(e, e.path(), e.type(), e.mode(), e.uid(), 1, e.mtime(), e.size(), null, null,
                        0, 0, e.xattrs(), e.source())),
                keyWith(2, e -> copy(e, e.path(), e.type(), e.mode(), e.uid(), e.gid(), MTIME - 1, e.size(), null,
                        null, 0, 0, e.xattrs(), e.source())),
                keyWith(2, e -> copy(e, e.path(), e.type(), e.mode(), e.uid(), e.gid(), e.mtime(), 4, null, null,
                        0, 0, e.xattrs(), e.source())),
                keyWith(2, e -> TreeEntry.file(e.path(), e.mode(), e.mtime(), e.size(),
                        new ContentSource.Bytes("hellO".getBytes(StandardCharsets.US_ASCII), "motd"))),
                keyWith(1, e -> copy(e, e.path(), e.type(), e.mode(), 0, 0, e.mtime(), 0, null, null, 0, 0,
                        otherXattr, null)),
                keyWith(1, e -> TreeEntry.directory(e.path(), e.mode(), e.mtime())),
                keyWith(4, e -> e.withHardLinkGroup(null)),
                keyWith(5, e -> TreeEntry.symlink(e.path(), "tool2", MTIME)),
                keyWith(6, e -> copy(e, e.path(), EntryType.BLOCK_DEVICE, e.mode(), 0, 0, e.mtime(), 0, null, null,
                        1, 3, null, null)),
                keyWith(6, e -> copy(e, e.path(), e.type(), e.mode(), 0, 0, e.mtime(), 0, null, null, 2, 3, null,
                        null)),
                keyWith(6, e -> copy(e, e.path(), e.type(), e.mode(), 0, 0, e.mtime(), 0, null, null, 1, 4, null,
                        null)),
                LayerKey.of(new Layer("test", entries()), LayerCompression.ZSTD, LATER),
                LayerKey.of(new Layer("test", entries()), LayerCompression.NONE, LATER),
                key(entries().subList(0, 6)));
        Set<String> distinct = new HashSet<>(keys);
        assertEquals(keys.size(), distinct.size(), keys.toString());
    }

    @Test
    void aHostFilesIdentityIsInTheKey() throws Exception {
        String before = key(entries());
        // the same bytes and times in a new inode: replaced
        Path replacement = tmp.resolve("replacement");
        Files.copy(host, replacement, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(replacement, host, StandardCopyOption.REPLACE_EXISTING);
        String replaced = key(entries());
        assertNotEquals(before, replaced);
        // rewritten in place, its mtime set back: the change time still differs
        Thread.sleep(20);
        Files.writeString(host, "host CONTENT\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(host, FileTime.from(Instant.ofEpochSecond(MTIME)));
        String rewritten = key(entries());
        assertNotEquals(replaced, rewritten);
        assertEquals(rewritten, key(entries()));
        Files.setLastModifiedTime(host, FileTime.from(Instant.ofEpochSecond(MTIME, 5)));
        assertNotEquals(rewritten, key(entries()));
    }

    @Test
    void aHostFileChangedInTheRacyWindowMakesTheLayerUncacheable() throws Exception {
        Layer layer = new Layer("test", entries());
        assertNotNull(LayerKey.of(layer, LayerCompression.GZIP, LATER));
        Instant justNow = Instant.now().minusMillis(1000);
        Files.writeString(host, "host content\n", StandardCharsets.UTF_8); // changes the ctime now
        assertNull(LayerKey.of(layer, LayerCompression.GZIP, justNow));
    }

    @Test
    void aSocketMakesTheLayerUncacheable() throws Exception {
        List<TreeEntry> l = entries();
        l.add(new TreeEntry("/run/sock", EntryType.SOCKET, 0666, 0, 0, MTIME, 0, null, null, 0, 0, null, null));
        assertNull(key(l));
    }
}
