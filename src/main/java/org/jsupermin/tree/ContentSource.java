package org.jsupermin.tree;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a regular file's bytes come from: a file under the root, bytes held in memory, or a base
 * image's member waiting in a {@link Spool}.
 */
public sealed interface ContentSource {

    /** Opens the content for reading. */
    InputStream open() throws IOException;

    /** A human-readable origin for messages. */
    String describe();

    /** A file on the host (under the root): streamed, never held in memory. */
    record HostFile(Path path) implements ContentSource {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** Bytes in memory: config files from a base image, generated files. */
    record Bytes(byte[] data, String origin) implements ContentSource {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(data);
        }

        @Override
        public String describe() {
            return origin;
        }
    }

    /**
     * A base image's member in a {@link Spool}: {@code size} bytes from {@code position}, or, for a
     * sparse member, its data segments there one after the other, {@code sparse} giving each
     * segment's (offset, length) in the file; the rest of the file is holes.
     */
    record Spooled(Spool spool, long position, long size, long[] sparse, String origin) implements ContentSource {
        @Override
        public InputStream open() throws IOException {
            return new SpooledStream(spool.channel(), position, size, sparse);
        }

        @Override
        public String describe() {
            return origin;
        }

        /** The data segments of a sparse member one after the other, without the holes. */
        public InputStream openData() throws IOException {
            long stored = 0;
            for (int i = 1; i < sparse.length; i += 2) {
                stored += sparse[i];
            }
            return new SpooledStream(spool.channel(), position, stored, null);
        }

        /** Whether the file has holes (a sparse member). */
        public boolean isSparse() {
            return sparse != null;
        }

        /**
         * Writes the content into {@code out} (an empty file) at its offsets, leaving the holes
         * of a sparse member unwritten, and sets the file's size.
         */
        public void writeTo(FileChannel out) throws IOException {
            FileChannel in = spool.channel();
            if (sparse == null) {
                copy(in, position, size, out, 0);
            } else {
                long from = position;
                for (int i = 0; i < sparse.length; i += 2) {
                    copy(in, from, sparse[i + 1], out, sparse[i]);
                    from += sparse[i + 1];
                }
            }
            if (out.size() < size) {
                // a file ending in a hole: its last byte sets the size, the rest stays unallocated
                out.write(ByteBuffer.wrap(new byte[1]), size - 1);
            }
        }

        private static void copy(FileChannel in, long from, long count, FileChannel out, long at) throws IOException {
            long done = 0;
            while (done < count) {
                long n = in.transferTo(from + done, count - done, out.position(at + done));
                if (n <= 0) {
                    throw new IOException("the base images' spool ended early");
                }
                done += n;
            }
        }
    }
}
