package org.jsupermin.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.PathOrder;

/**
 * Builds appliance trees from the host's own files for integration tests: lstat metadata,
 * symlinks followed to their targets, parent directories added, hard links grouped by inode.
 */
public final class HostTreeBuilder {

    private final Map<String, TreeEntry> entries = new TreeMap<>(PathOrder.COMPARATOR);
    private final Map<String, String> inodeOf = new TreeMap<>();
    private final boolean readCapabilities;

    /** A builder that reads each file's security.capability (one getfattr per file). */
    public HostTreeBuilder() {
        this(true);
    }

    /** A builder that reads capabilities or not (large trees). */
    public HostTreeBuilder(boolean readCapabilities) {
        this.readCapabilities = readCapabilities;
    }

    /** Adds an entry made by hand; it replaces any entry at the same path. */
    public HostTreeBuilder add(TreeEntry e) {
        entries.put(e.path(), e);
        return this;
    }

    /** Adds a generated file. */
    public HostTreeBuilder addBytes(String path, int mode, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return add(TreeEntry.file(path, mode, 0, b.length, new ContentSource.Bytes(b, "generated " + path)));
    }

    /**
     * Adds a host path under the same name: its real parent directories first; if it is a
     * symlink, the link verbatim and then whatever it points at.
     */
    public HostTreeBuilder addHost(String hostPath) throws IOException {
        Path p = Path.of(hostPath);
        Path parent = p.getParent();
        Path realParent = parent == null ? Path.of("/") : parent.toRealPath();
        Path host = parent == null ? p : realParent.resolve(p.getFileName());
        addParents(realParent);
        if (entries.containsKey(host.toString())) {
            return this;
        }
        TreeEntry e = fromHost(host.toString(), host);
        add(e);
        if (e.type() == EntryType.SYMLINK) {
            addHost(realParent.resolve(e.linkTarget()).normalize().toString());
        }
        return this;
    }

    /** Adds a host file under another appliance path, with its metadata and xattrs. */
    public HostTreeBuilder addHostAs(String path, Path host) throws IOException {
        return add(fromHost(path, host));
    }

    /** The tree, with missing parents as root-owned 0755 directories and hard-link groups by inode. */
    public ApplianceTree build() {
        for (String path : new ArrayList<>(entries.keySet())) {
            for (String d = parentOf(path); d != null && !entries.containsKey(d); d = parentOf(d)) {
                entries.put(d, TreeEntry.directory(d, 0755, 0));
            }
        }
        Map<String, List<String>> groups = new TreeMap<>();
        for (Map.Entry<String, String> i : inodeOf.entrySet()) {
            if (entries.containsKey(i.getKey())) {
                groups.computeIfAbsent(i.getValue(), k -> new ArrayList<>()).add(i.getKey());
            }
        }
        for (List<String> g : groups.values()) {
            if (g.size() > 1) {
                g.sort(PathOrder.COMPARATOR);
                for (String path : g) {
                    entries.put(path, entries.get(path).withHardLinkGroup(g.get(0)));
                }
            }
        }
        return ApplianceTree.of(new ArrayList<>(entries.values()));
    }

    private static String parentOf(String path) {
        if (path.equals("/")) {
            return null;
        }
        int i = path.lastIndexOf('/');
        return i == 0 ? "/" : path.substring(0, i);
    }

    private void addParents(Path dir) throws IOException {
        List<Path> chain = new ArrayList<>();
        for (Path d = dir; d != null; d = d.getParent()) {
            chain.add(0, d);
        }
        for (Path d : chain) {
            if (!entries.containsKey(d.toString())) {
                add(fromHost(d.toString(), d));
            }
        }
    }

    /** An entry for {@code host} (lstat) at appliance path {@code path}. */
    public TreeEntry fromHost(String path, Path host) throws IOException {
        Map<String, Object> a = Files.readAttributes(host, "unix:*", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        EntryType type = EntryType.fromMode(mode);
        long mtime = ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).toMillis() / 1000;
        int uid = (Integer) a.get("uid");
        int gid = (Integer) a.get("gid");
        long rdev = (Long) a.get("rdev");
        String target = type == EntryType.SYMLINK ? Files.readSymbolicLink(host).toString() : null;
        long size = type == EntryType.FILE ? (Long) a.get("size") : 0;
        if (type == EntryType.FILE && (Integer) a.get("nlink") > 1) {
            inodeOf.put(path, a.get("dev") + ":" + a.get("ino"));
        }
        return new TreeEntry(path, type, mode, uid, gid, mtime, size, target, null,
                (int) ((rdev >> 8) & 0xfff), (int) ((rdev & 0xff) | ((rdev >> 12) & 0xfff00)),
                type == EntryType.FILE && readCapabilities ? capability(host) : null,
                type == EntryType.FILE ? new ContentSource.HostFile(host) : null);
    }

    /** The file's security.capability as raw bytes (read with getfattr), or none. */
    private static SortedMap<String, byte[]> capability(Path host) {
        Commands.Result r = Commands.run(List.of("getfattr", "--absolute-names", "-e", "hex", "-n",
                "security.capability", host.toString()), null, Map.of(), 30);
        SortedMap<String, byte[]> x = new TreeMap<>();
        for (String line : r.stdout().split("\n")) {
            if (r.exitCode() == 0 && line.startsWith("security.capability=0x")) {
                x.put("security.capability", HexFormat.of().parseHex(line.substring("security.capability=0x".length())));
            }
        }
        return x;
    }
}
