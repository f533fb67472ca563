package org.jsupermin.format.kernel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tukaani.xz.XZInputStream;

import io.airlift.compress.zstd.ZstdInputStream;

/**
 * Reads kernel module files as the kernel's init_module(2) wants them: uncompressed ELF,
 * whether the distribution ships them as .ko, .ko.gz, .ko.xz or .ko.zst.
 */
public final class ModuleFiles {

    private ModuleFiles() {
    }

    /** The uncompressed bytes of a module file, chosen by its name's suffix. */
    public static byte[] read(Path file) throws IOException {
        String name = file.getFileName().toString();
        try {
            if (name.endsWith(".ko")) {
                return Files.readAllBytes(file); // one read of the file's size, not a stream's steps
            }
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                 InputStream in = decompressing(name, raw)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new IOException("reading kernel module " + file + ": " + e.getMessage(), e);
        }
    }

    /** A compressed module's content (an uncompressed .ko is read whole by {@link #read}). */
    private static InputStream decompressing(String name, InputStream raw) throws IOException {
        if (name.endsWith(".ko.gz")) {
            return GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
        }
        if (name.endsWith(".ko.xz")) {
            return new XZInputStream(raw);
        }
        if (name.endsWith(".ko.zst")) {
            return new ZstdInputStream(raw);
        }
        throw new IOException("unknown module file suffix (expected .ko, .ko.gz, .ko.xz or .ko.zst)");
    }
}
