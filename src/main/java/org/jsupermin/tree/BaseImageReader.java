package org.jsupermin.tree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsupermin.tar.TarReader;
import org.jsupermin.util.Compression;
import org.jsupermin.util.IoErrors;

/**
 * Reads a base image (a tar archive, plain, gzip or xz) into tree entries; contents wait in a
 * {@link Spool} (small ones in memory, the rest in a temporary file), so that memory does not grow
 * with them, and sparse members keep their holes. Members
 * that would land outside the appliance (a ".." component, an absolute name, a path through a
 * symlink of the archive, a hard link to an unknown member) are refused.
 */
final class BaseImageReader {

    private BaseImageReader() {
    }

    /** The archive's members as entries, in archive order; hard links carry their group. */
    static List<TreeEntry> read(Path archive, Spool spool) throws TreeException {
        List<TreeEntry> result = new ArrayList<>();
        Set<String> symlinks = new HashSet<>();
        Map<String, TreeEntry> files = new HashMap<>();
        try (InputStream in = Compression.open(archive)) {
            TarReader tar = new TarReader(in);
            TarReader.Member e;
            while ((e = tar.next()) != null) {
                String path = memberPath(archive, e.name(), "member " + EntryNames.shown(e.name()));
                if (path == null) {
                    continue;
                }
                checkNotThroughSymlink(archive, e.name(), path, symlinks);
                int mode = e.mode() & 07777;
                long mtime = e.mtime();
                int uid = (int) e.uid();
                int gid = (int) e.gid();
                TreeEntry entry;
                char type = e.type();
                if (type == '5') {
                    entry = new TreeEntry(path, EntryType.DIRECTORY, mode, uid, gid, mtime, 0, null, null, 0, 0, null, null);
                } else if (type == '2') {
                    entry = new TreeEntry(path, EntryType.SYMLINK, 0777, uid, gid, mtime, 0, e.linkName(), null, 0, 0, null, null);
                    symlinks.add(path);
                } else if (type == '1') {
                    String targetPath = memberPath(archive, e.linkName(), "hard link " + EntryNames.shown(e.name())
                            + " names " + EntryNames.shown(e.linkName()) + ", which");
                    TreeEntry target = targetPath == null ? null : files.get(targetPath);
                    if (target == null) {
                        throw new TreeException("base image " + archive + ": hard link " + EntryNames.shown(e.name())
                                + " names " + EntryNames.shown(e.linkName()) + ", which is not an earlier file of the archive;"
                                + " remove the link or put its target before it");
                    }
                    entry = new TreeEntry(path, EntryType.FILE, target.mode(), target.uid(), target.gid(), target.mtime(),
                            target.size(), null, targetPath, 0, 0, null, target.source());
                } else if (type == '3' || type == '4') {
                    EntryType t = type == '3' ? EntryType.CHAR_DEVICE : EntryType.BLOCK_DEVICE;
                    entry = new TreeEntry(path, t, mode, uid, gid, mtime, 0, null, null, e.devMajor(), e.devMinor(), null, null);
                } else if (type == '6') {
                    entry = new TreeEntry(path, EntryType.FIFO, mode, uid, gid, mtime, 0, null, null, 0, 0, null, null);
                } else if (type == '0') {
                    entry = new TreeEntry(path, EntryType.FILE, mode, uid, gid, mtime, e.size(), null, null, 0, 0,
                            null, content(archive, e, tar, spool));
                    files.put(path, entry);
                } else {
                    throw new TreeException("base image " + archive + ": member " + EntryNames.shown(e.name())
                            + " has an unsupported type ('" + type + "'); remove it from the archive");
                }
                result.add(entry);
            }
        } catch (TarReader.DamagedException e) {
            throw new TreeException("reading base image " + archive + ": " + e.getMessage()
                    + "; the archive is damaged: run --prepare again or re-create it", e);
        } catch (IOException e) {
            throw new TreeException("reading base image " + archive + ": " + IoErrors.describe(e), e);
        }
        return result;
    }

    /** A regular member's content: in memory when small and dense, otherwise in the spool. */
    private static ContentSource content(Path archive, TarReader.Member e, TarReader tar, Spool spool)
            throws IOException {
        String origin = archive + ":" + e.name();
        InputStream data = tar.content();
        if (e.sparse() == null && spool.holdInMemory(e.size())) {
            byte[] bytes = data.readNBytes((int) e.size());
            if (bytes.length != e.size()) {
                throw new java.io.EOFException("the archive ends in the middle of a member: it is incomplete; rebuild or re-download it");
            }
            return new ContentSource.Bytes(bytes, origin);
        }
        long stored = 0;
        if (e.sparse() != null) {
            for (int i = 1; i < e.sparse().length; i += 2) {
                stored += e.sparse()[i];
            }
        } else {
            stored = e.size();
        }
        long position = spool.append(data, stored);
        return new ContentSource.Spooled(spool, position, e.size(), e.sparse(), origin);
    }

    /**
     * "./etc/x" to "/etc/x"; null for the archive's "./" itself. {@code subject} says whose name it
     * is in errors (a member, or the target a hard link names).
     */
    private static String memberPath(Path archive, String name, String subject) throws TreeException {
        if (name.startsWith("/")) {
            throw new TreeException("base image " + archive + ": " + subject
                    + " has an absolute name; archives must use relative names such as ./etc/file");
        }
        StringBuilder b = new StringBuilder();
        for (String c : name.split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                throw new TreeException("base image " + archive + ": " + subject
                        + " escapes the appliance through '..'; remove it from the archive");
            }
            b.append('/').append(c);
        }
        if (b.length() == 0) {
            return null;
        }
        String path = b.toString();
        // the tree checks every name again; refusing here keeps absurd names out of canonicalisation
        String problem = EntryNames.problem(path);
        if (problem != null) {
            throw new TreeException("base image " + archive + ": " + subject
                    + " cannot be written: " + problem + "; rename or remove it");
        }
        return path;
    }

    private static void checkNotThroughSymlink(Path archive, String name, String path, Set<String> symlinks)
            throws TreeException {
        for (int i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
            String prefix = path.substring(0, i);
            if (symlinks.contains(prefix)) {
                throw new TreeException("base image " + archive + ": member " + EntryNames.shown(name)
                        + " goes through the archive's symlink ." + prefix + " and could land outside the appliance; "
                        + "remove it from the archive");
            }
        }
    }
}
