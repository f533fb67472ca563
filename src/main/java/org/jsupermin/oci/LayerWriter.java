package org.jsupermin.oci;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jsupermin.format.FormatException;
import org.jsupermin.format.TarStreams;
import org.jsupermin.util.Reporter;

/**
 * Writes one layer: its entries as the project's tar (the members {@code -f tar} writes), then
 * compressed, into a file, digesting both the tar and the compressed bytes as they stream past;
 * no layer is ever held in memory.
 */
final class LayerWriter {

    private static final int BUFFER = 256 * 1024;

    private LayerWriter() {
    }

    /** Writes {@code layer} to {@code file}, which must not exist. */
    static LayerBlob write(Layer layer, LayerCompression compression, Path file) throws IOException, FormatException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            HashingOutputStream compressed = new HashingOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER));
            HashingOutputStream tar;
            try (OutputStream encoder = compression.wrap(compressed)) {
                tar = new HashingOutputStream(encoder);
                OutputStream buffered = new BufferedOutputStream(tar, BUFFER);
                TarStreams.write(layer.entries(), Reporter.SILENT, buffered);
                buffered.flush();
            }
            String diffId = tar.digest();
            Blob blob = compression == LayerCompression.NONE
                    ? new Blob(compression.mediaType(), diffId, tar.count())
                    : new Blob(compression.mediaType(), compressed.digest(), compressed.count());
            return new LayerBlob(blob, diffId, file, layer.description());
        }
    }
}
