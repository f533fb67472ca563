package org.jsupermin.host;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jsupermin.util.AbsolutePaths;
import org.jsupermin.util.RawPaths;

/**
 * Resolves appliance paths against the root's directory symlinks, the way the kernel would inside
 * a chroot: "/lib/x86_64-linux-gnu/libc.so.6" becomes "/usr/lib/x86_64-linux-gnu/libc.so.6" when
 * /lib is a symlink to usr/lib. Every directory symlink crossed is remembered, so the tree can hold
 * it (usrmerge aliases no package lists) and excludefiles can match through it. One instance
 * remembers what it walked: use it from one thread.
 */
public final class RootPaths {

    private static final int MAX_LINKS = 40;

    private final Path root;
    /** Directory path (as written) to its canonical path; only for paths already walked. */
    private final Map<String, String> canonicalDirs = new HashMap<>();
    /** Symlinks crossed as directories: link path to canonical target. */
    private final Map<String, String> dirLinks = new HashMap<>();
    /**
     * The parent directory of the last path made canonical (not "/"), and its canonical form,
     * null when that is the parent itself (no symlink in it).
     */
    private String lastParent;
    private String lastCanonical;

    public RootPaths(Path root) {
        this.root = root;
        canonicalDirs.put("/", "/");
    }

    /** The host path of an appliance path. */
    public Path host(String appliancePath) throws FileSystemException {
        return appliancePath.equals("/") ? root : RawPaths.resolve(root, appliancePath.substring(1));
    }

    /**
     * The canonical form of {@code path}: every directory component resolved through symlinks,
     * the last component kept as is. Returns null when resolution loops.
     */
    public String canonical(String path) throws IOException {
        String norm = AbsolutePaths.normalize(path);
        if (norm.equals("/")) {
            return "/";
        }
        int slash = norm.lastIndexOf('/');
        // a package lists a directory's files one after another: their parent was the last one
        if (lastParent != null && slash == lastParent.length() && norm.startsWith(lastParent)) {
            return lastCanonical == null ? norm : inDirectory(lastCanonical, norm, slash);
        }
        String parent = slash == 0 ? "/" : norm.substring(0, slash);
        String dir = canonicalDir(parent, 0);
        if (dir == null) {
            return null;
        }
        boolean unchanged = dir.equals(parent);
        if (slash > 0) {
            lastParent = parent;
            lastCanonical = unchanged ? null : dir;
        }
        // no symlink in the parent: the path is its own canonical form
        return unchanged ? norm : inDirectory(dir, norm, slash);
    }

    /** The last component of {@code norm} (after its slash at {@code slash}) in directory {@code dir}. */
    private static String inDirectory(String dir, String norm, int slash) {
        return dir.equals("/") ? norm.substring(slash) : dir + norm.substring(slash);
    }

    /** Directory symlinks crossed so far (link path to canonical target), sorted. */
    public TreeMap<String, String> directoryLinks() {
        return new TreeMap<>(dirLinks);
    }

    /**
     * The canonical form of directory {@code dir} (normal, absolute), or null when resolution
     * loops. Components are resolved one after the other from the deepest ancestor already known
     * (no recursion over components: a path may have thousands of them); only a symlink's target
     * is resolved by a nested call, at most {@link #MAX_LINKS} deep.
     */
    private String canonicalDir(String dir, int depth) throws IOException {
        String known = canonicalDirs.get(dir);
        if (known != null) {
            return known;
        }
        if (depth > MAX_LINKS) {
            return null;
        }
        List<String> pending = new ArrayList<>();
        String ancestor = dir;
        String ancestorCanon = null;
        while (ancestorCanon == null) {
            pending.add(ancestor);
            int slash = ancestor.lastIndexOf('/');
            ancestor = slash == 0 ? "/" : ancestor.substring(0, slash);
            ancestorCanon = canonicalDirs.get(ancestor);
        }
        String parentCanon = ancestorCanon;
        for (int i = pending.size() - 1; i >= 0; i--) {
            String d = pending.get(i);
            String name = d.substring(d.lastIndexOf('/') + 1);
            String candidate = parentCanon.equals("/") ? "/" + name : parentCanon + "/" + name;
            Path host = host(candidate);
            String result = candidate;
            if (Files.isSymbolicLink(host)) {
                String target = RawPaths.text(Files.readSymbolicLink(host));
                String joined = target.startsWith("/") ? target : parentCanon + "/" + target;
                result = canonicalDir(AbsolutePaths.normalize(joined), depth + 1);
                if (result == null) {
                    return null;
                }
                if (Files.isDirectory(host(result), LinkOption.NOFOLLOW_LINKS)) {
                    dirLinks.put(candidate, result);
                }
            }
            canonicalDirs.put(d, result);
            parentCanon = result;
        }
        return parentCanon;
    }
}
