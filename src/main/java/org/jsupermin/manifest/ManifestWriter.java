package org.jsupermin.manifest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import org.jsupermin.util.PathOrder;
import org.jsupermin.util.NonClosingOutputStream;

/**
 * Writes a prepared supermin appliance: {@code packages} (sorted names) and {@code base.tar.gz}
 * (config files only, as supermin writes it: no directory members; sorted, owner 0:0, one fixed mtime), byte-identical across runs.
 */
public final class ManifestWriter {

    private ManifestWriter() {
    }

    /**
     * Writes an empty base image to nowhere, so that the tar and gzip classes are loaded and
     * initialised (a caller may do this on another thread while it still resolves packages).
     */
    public static void warmUp() {
        try {
            writeBaseImage(OutputStream.nullOutputStream(), List.of(
                    new BaseFile("/etc/warm-up", 0644, null, new byte[1])), 0);
        } catch (IOException e) {
            // nothing is written anywhere; the real write reports its own errors
        }
    }

    /** Writes both files into {@code dir}, which must exist. */
    public static void write(Path dir, Collection<String> packages, List<BaseFile> baseFiles, long mtime)
            throws IOException {
        StringBuilder list = new StringBuilder();
        for (String name : new TreeSet<>(packages)) {
            list.append(name).append('\n');
        }
        Files.writeString(dir.resolve("packages"), list, StandardCharsets.UTF_8);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("base.tar.gz")), 65536)) {
            writeBaseImage(out, baseFiles, mtime);
        }
    }

    /** Writes the files as a gzip-compressed tar, members named ./etc/…, sorted by path. */
    public static void writeBaseImage(OutputStream out, List<BaseFile> baseFiles, long mtime) throws IOException {
        TreeMap<String, BaseFile> byPath = new TreeMap<>(PathOrder.COMPARATOR);
        for (BaseFile f : baseFiles) {
            byPath.put(f.path(), f);
        }
        List<String> all = new ArrayList<>(byPath.keySet());
        GzipParameters gz = new GzipParameters();
        gz.setModificationTime(0);
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(new NonClosingOutputStream(out), gz);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (String path : all) {
                BaseFile f = byPath.get(path);
                TarArchiveEntry e;
                if (f.symlinkTarget() != null) {
                    e = new TarArchiveEntry("." + path, TarArchiveEntry.LF_SYMLINK);
                    e.setLinkName(f.symlinkTarget());
                    e.setMode(0120777);
                } else {
                    e = new TarArchiveEntry("." + path);
                    e.setMode(0100000 | (f.mode() & 07777));
                    e.setSize(f.content().length);
                }
                e.setIds(0, 0);
                e.setUserName("root");
                e.setGroupName("root");
                e.setModTime(mtime * 1000);
                tar.putArchiveEntry(e);
                if (f.symlinkTarget() == null) {
                    tar.write(f.content());
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }
}
