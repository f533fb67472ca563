package org.jsupermin.manifest;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import org.jsupermin.tar.TarException;
import org.jsupermin.tar.TarMember;
import org.jsupermin.tar.TarWriter;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.NonClosingOutputStream;
import org.jsupermin.util.PathOrder;

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
        } catch (IOException | ManifestException e) {
            // nothing is written anywhere; the real write reports its own errors
        }
    }

    /**
     * Writes both files into {@code dir}, which must exist.
     *
     * @throws ManifestException before anything is written, when a name is one that a package
     *     list cannot hold (the appliance would not read back); when a base file's name or link
     *     target holds a NUL byte
     */
    public static void write(Path dir, Collection<String> packages, List<BaseFile> baseFiles, long mtime)
            throws IOException, ManifestException {
        for (String name : packages) {
            if (name.isEmpty() || !ManifestReader.isPackageName(name)) {
                throw new ManifestException("'" + FileNames.printable(name, 80) + "' is not a package name (it holds"
                        + " spaces, control characters or bytes that are not UTF-8): no package list can hold it");
            }
        }
        StringBuilder list = new StringBuilder();
        for (String name : new TreeSet<>(packages)) {
            list.append(name).append('\n');
        }
        Files.writeString(dir.resolve("packages"), list, StandardCharsets.UTF_8);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("base.tar.gz")), 65536)) {
            writeBaseImage(out, baseFiles, mtime);
        }
    }

    /**
     * Writes the files as a gzip-compressed tar, members named ./etc/…, sorted by path, owned by
     * root:root by number and by name (as supermin's own base images are).
     */
    public static void writeBaseImage(OutputStream out, List<BaseFile> baseFiles, long mtime)
            throws IOException, ManifestException {
        for (BaseFile f : baseFiles) {
            // no file system holds a NUL in a name or a link target, and a tar reader ends them there
            if (f.path().indexOf('\0') >= 0 || (f.symlinkTarget() != null && f.symlinkTarget().indexOf('\0') >= 0)) {
                throw new ManifestException("cannot write " + FileNames.printable(f.path(), 80) + " into the base"
                        + " image: its name or link target holds a NUL byte");
            }
        }
        TreeMap<String, BaseFile> byPath = new TreeMap<>(PathOrder.COMPARATOR);
        for (BaseFile f : baseFiles) {
            byPath.put(f.path(), f);
        }
        GzipParameters gz = new GzipParameters();
        gz.setModificationTime(0);
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(new NonClosingOutputStream(out), gz);
             OutputStream buffered = new BufferedOutputStream(gzip, 65536)) {
            TarWriter tar = new TarWriter(buffered);
            for (BaseFile f : byPath.values()) {
                String name = "." + f.path();
                if (f.symlinkTarget() != null) {
                    tar.write(new TarMember(name, '2', 0777, 0, 0, mtime, 0, f.symlinkTarget(), 0, 0, null,
                            "root", "root"), null, null);
                } else {
                    tar.write(new TarMember(name, '0', f.mode() & 07777, 0, 0, mtime, f.content().length, null,
                            0, 0, null, "root", "root"), new ByteArrayInputStream(f.content()), name);
                }
            }
            tar.finish();
        } catch (TarException e) {
            throw new IllegalStateException(e); // every content is in memory, of the size declared
        }
    }
}
