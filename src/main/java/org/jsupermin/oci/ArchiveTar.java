package org.jsupermin.oci;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.jsupermin.tar.TarException;
import org.jsupermin.tar.TarMember;
import org.jsupermin.tar.TarWriter;

/**
 * The outer tar of an image archive, written with the project's tar writer: a few directories
 * and files with short names (an image layout and docker-archive's {@code manifest.json}),
 * root-owned, at one fixed time; the blobs' bytes are copied by the kernel where it can.
 */
final class ArchiveTar {

    private final OutputStream out;
    private final TarWriter tar;
    private final long mtime;

    /**
     * Writes to {@code out}, which should be buffered; {@code channel}, when not null, is the file
     * {@code out} ends in, which the blobs are copied into without passing through this process.
     */
    ArchiveTar(OutputStream out, FileChannel channel, long mtime) {
        this.out = out;
        this.mtime = mtime;
        this.tar = new TarWriter(out, (m, file, origin) -> {
            out.flush();
            TarWriter.copyExactly(m, file, origin, channel != null ? channel : Channels.newChannel(out));
        });
    }

    void directory(String name) throws IOException, OciException {
        try {
            tar.write(new TarMember(name, '5', 0755, 0, 0, mtime, 0, null, 0, 0, null), null, name);
        } catch (TarException e) {
            throw new OciException(e.getMessage(), e);
        }
    }

    void file(String name, byte[] content) throws IOException, OciException {
        try {
            tar.write(member(name, content.length), new ByteArrayInputStream(content), name);
        } catch (TarException e) {
            throw new OciException(e.getMessage(), e);
        }
    }

    /** A member holding the bytes of {@code file}, which must be {@code size} bytes long. */
    void file(String name, Path file, long size) throws IOException, OciException {
        try {
            tar.transfer(member(name, size), file, file.toString());
        } catch (TarException e) {
            throw new OciException(e.getMessage(), e);
        }
    }

    /** The end-of-archive blocks, padded to a whole record; flushes the output. */
    void finish() throws IOException {
        tar.finish();
        out.flush();
    }

    private TarMember member(String name, long size) {
        return new TarMember(name, '0', 0644, 0, 0, mtime, size, null, 0, 0, null);
    }
}
