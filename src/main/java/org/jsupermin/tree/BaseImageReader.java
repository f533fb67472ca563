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

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import org.jsupermin.util.Compression;

/**
 * Reads a base image (a tar archive, plain, gzip or xz) into tree entries held in memory. Members
 * that would land outside the appliance (a ".." component, an absolute name, a path through a
 * symlink of the archive, a hard link to an unknown member) are refused.
 */
final class BaseImageReader {

    private BaseImageReader() {
    }

    /** The archive's members as entries, in archive order; hard links carry their group. */
    static List<TreeEntry> read(Path archive) throws TreeException {
        List<TreeEntry> result = new ArrayList<>();
        Set<String> symlinks = new HashSet<>();
        Map<String, TreeEntry> files = new HashMap<>();
        try (InputStream in = Compression.open(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(in, "UTF-8")) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String path = memberPath(archive, e.getName());
                if (path == null) {
                    continue;
                }
                checkNotThroughSymlink(archive, e.getName(), path, symlinks);
                int mode = e.getMode() & 07777;
                long mtime = e.getModTime().getTime() / 1000;
                int uid = (int) e.getLongUserId();
                int gid = (int) e.getLongGroupId();
                TreeEntry entry;
                if (e.isDirectory()) {
                    entry = new TreeEntry(path, EntryType.DIRECTORY, mode, uid, gid, mtime, 0, null, null, 0, 0, null, null);
                } else if (e.isSymbolicLink()) {
                    entry = new TreeEntry(path, EntryType.SYMLINK, 0777, uid, gid, mtime, 0, e.getLinkName(), null, 0, 0, null, null);
                    symlinks.add(path);
                } else if (e.isLink()) {
                    String targetPath = memberPath(archive, e.getLinkName());
                    TreeEntry target = targetPath == null ? null : files.get(targetPath);
                    if (target == null) {
                        throw new TreeException("base image " + archive + ": hard link " + EntryNames.shown(e.getName())
                                + " points to " + e.getLinkName() + ", which is not an earlier file of the archive");
                    }
                    entry = new TreeEntry(path, EntryType.FILE, target.mode(), target.uid(), target.gid(), target.mtime(),
                            target.size(), null, targetPath, 0, 0, null, target.source());
                } else if (e.isCharacterDevice() || e.isBlockDevice()) {
                    EntryType t = e.isCharacterDevice() ? EntryType.CHAR_DEVICE : EntryType.BLOCK_DEVICE;
                    entry = new TreeEntry(path, t, mode, uid, gid, mtime, 0, null, null, e.getDevMajor(), e.getDevMinor(), null, null);
                } else if (e.isFIFO()) {
                    entry = new TreeEntry(path, EntryType.FIFO, mode, uid, gid, mtime, 0, null, null, 0, 0, null, null);
                } else if (e.isFile()) {
                    byte[] data = tar.readAllBytes();
                    entry = new TreeEntry(path, EntryType.FILE, mode, uid, gid, mtime, data.length, null, null, 0, 0,
                            null, new ContentSource.Bytes(data, archive + ":" + e.getName()));
                    files.put(path, entry);
                } else {
                    throw new TreeException("base image " + archive + ": member " + EntryNames.shown(e.getName())
                            + " has an unsupported type; remove it from the archive");
                }
                result.add(entry);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new TreeException("reading base image " + archive + ": " + e.getMessage()
                    + " (the archive is corrupt or truncated; run --prepare again)", e);
        }
        return result;
    }

    /** "./etc/x" to "/etc/x"; null for the archive's "./" itself. */
    private static String memberPath(Path archive, String name) throws TreeException {
        if (name.startsWith("/")) {
            throw new TreeException("base image " + archive + ": member " + EntryNames.shown(name)
                    + " has an absolute name; archives must use relative names such as ./etc/file");
        }
        StringBuilder b = new StringBuilder();
        for (String c : name.split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                throw new TreeException("base image " + archive + ": member " + EntryNames.shown(name)
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
            throw new TreeException("base image " + archive + ": member " + EntryNames.shown(name)
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
