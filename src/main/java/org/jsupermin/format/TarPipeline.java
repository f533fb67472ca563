package org.jsupermin.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import org.jsupermin.tar.TarException;
import org.jsupermin.tar.TarMember;
import org.jsupermin.tar.TarWriter;
import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.Reporter;
import org.jsupermin.util.Threads;

/**
 * Writes a tar archive on two threads: one prepares it (members, headers and the contents of
 * small files, read straight into 1 MiB direct buffers), the caller's thread writes the chunks
 * out and has the kernel copy the big files into the output channel. Reading and encoding thus
 * overlap with the writing, which is what the archive's time goes to. The bytes between two big
 * files are handed over as slices of a chunk, so the preparing thread can run far ahead of the
 * copies; at most 16 chunks exist at any time, so memory stays flat however big the tree. The
 * bytes are the same as one thread would write.
 */
final class TarPipeline {

    static final int CHUNK = 1024 * 1024;
    /** Chunks in use at most: the archive bytes prepared ahead of the writing. */
    private static final int CHUNKS = 16;
    /** Items waiting at most (small: slices of the chunks, and files to copy). */
    private static final int QUEUED = 4096;

    /** What the preparing thread hands over, in archive order. */
    private sealed interface Item permits Bytes, Transfer, Warning, Failure, End {
    }

    /**
     * Archive bytes, a slice of a chunk; {@code recycle}, when not null, is the chunk this slice
     * ends, free again once written. {@code entries} is the number of tree entries prepared so far.
     */
    private record Bytes(ByteBuffer data, ByteBuffer recycle, long entries) implements Item {
    }

    /** A host file's content for the kernel to copy to the output. */
    private record Transfer(TarMember member, Path file, String origin) implements Item {
    }

    private record Warning(String message) implements Item {
    }

    private record Failure(Throwable error) implements Item {
    }

    private record End() implements Item {
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUED);
    private final BlockingQueue<ByteBuffer> spare = new ArrayBlockingQueue<>(CHUNKS);
    private volatile boolean cancelled;

    private TarPipeline() {
    }

    /**
     * Writes {@code entries} as an archive to {@code out}; when {@code channel} is not null it is
     * {@code out}'s uncompressed channel, and files from {@link TarFormat#TRANSFER_MIN} bytes on
     * are copied into it by the kernel. {@code out} is flushed, not closed.
     */
    static void write(List<TreeEntry> entries, Reporter reporter, OutputStream out, FileChannel channel)
            throws IOException, FormatException {
        new TarPipeline().run(entries, reporter, out, channel);
    }

    private void run(List<TreeEntry> entries, Reporter reporter, OutputStream out, FileChannel channel)
            throws IOException, FormatException {
        Thread preparing = new Thread(() -> prepare(entries, channel != null), "tar-prepare");
        preparing.setDaemon(true);
        preparing.start();
        boolean ended = false;
        long bytes = 0;
        byte[] copy = channel == null ? new byte[CHUNK] : null;
        try {
            while (!ended) {
                Item item = take();
                if (item instanceof Bytes b) {
                    ByteBuffer data = b.data();
                    bytes += data.remaining();
                    if (channel != null) {
                        // nothing waits in out: every byte goes straight to the channel
                        while (data.hasRemaining()) {
                            channel.write(data);
                        }
                    } else {
                        while (data.hasRemaining()) {
                            int n = Math.min(copy.length, data.remaining());
                            data.get(copy, 0, n);
                            out.write(copy, 0, n);
                        }
                    }
                    if (b.recycle() != null) {
                        spare.offer(b.recycle().clear());
                    }
                    reporter.progress(b.entries(), bytes);
                } else if (item instanceof Transfer t) {
                    try {
                        TarWriter.copyExactly(t.member(), t.file(), t.origin(), channel);
                    } catch (TarException e) {
                        throw new FormatException(e.getMessage(), e);
                    }
                    bytes += t.member().size();
                } else if (item instanceof Warning w) {
                    reporter.warning(w.message());
                } else if (item instanceof Failure f) {
                    if (f.error() instanceof TarException e) {
                        throw new FormatException(e.getMessage(), e);
                    }
                    throw Threads.rethrow(f.error(), FormatException.class);
                } else {
                    ended = true;
                }
            }
            out.flush();
        } finally {
            if (!ended) {
                cancelled = true;
                queue.clear();
            }
            Threads.joinUninterruptibly(preparing);
        }
    }

    /** The preparing thread: the same member-by-member writing as a single thread would do. */
    private void prepare(List<TreeEntry> entries, boolean transfers) {
        Chunks chunks = new Chunks();
        try {
            TarWriter writer = new TarWriter(chunks, (m, file, origin) -> {
                if (transfers && m.size() >= TarFormat.TRANSFER_MIN) {
                    chunks.cut();
                    put(new Transfer(m, file, origin));
                } else {
                    chunks.read(m, file, origin);
                }
            });
            for (TreeEntry e : entries) {
                TarMember m = TarMembers.of(e);
                if (m == null) {
                    chunks.cut();
                    put(new Warning("tar cannot hold the socket " + e.path() + "; left out"));
                } else if (m.typeflag() == '0') {
                    try {
                        writeContent(writer, m, e.source());
                    } catch (IOException ex) {
                        throw new IOException("reading " + e.source().describe() + " for " + e.path() + ": "
                                + ex.getMessage(), ex);
                    }
                } else {
                    writer.write(m, null, null);
                }
                chunks.entries++;
            }
            writer.finish();
            chunks.cut();
            put(new End());
        } catch (CancellationException e) {
            // the writing thread gave up
        } catch (Throwable e) {
            try {
                put(new Failure(e));
            } catch (CancellationException ignored) {
                // the writing thread gave up
            }
        }
    }

    private static void writeContent(TarWriter writer, TarMember m, ContentSource source)
            throws IOException, TarException {
        if (source instanceof ContentSource.HostFile h) {
            writer.transfer(m, h.path(), source.describe());
            return;
        }
        if (source instanceof ContentSource.Spooled s && s.isSparse()) {
            try (InputStream in = s.openData()) {
                writer.writeSparse(m, s.sparse(), in, source.describe());
            }
            return;
        }
        try (InputStream in = source.open()) {
            writer.write(m, in, source.describe());
        }
    }

    /**
     * Archive bytes collected into direct buffers; what is collected is handed over as a slice
     * of its chunk when cut, and a full chunk is handed over with its last slice.
     */
    private final class Chunks extends OutputStream {
        private ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
        private int allocated = 1;
        /** Where the bytes not handed over yet begin. */
        private int start;
        long entries;

        @Override
        public void write(int b) {
            if (!buf.hasRemaining()) {
                cut();
            }
            buf.put((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (!buf.hasRemaining()) {
                    cut();
                }
                int n = Math.min(len, buf.remaining());
                buf.put(b, off, n);
                off += n;
                len -= n;
            }
        }

        /**
         * Reads exactly {@code m.size()} bytes of {@code file} into the chunks, straight from
         * the kernel; a file of another size is an error naming {@code origin}. Each read asks
         * for one byte more than is left, so that a regular file's end (a short read) is seen
         * without another call, and a grown file too.
         */
        void read(TarMember m, Path file, String origin) throws IOException, TarException {
            long remaining = m.size();
            try (FileChannel in = FileChannel.open(file)) {
                while (true) {
                    if (!buf.hasRemaining()) {
                        cut();
                    }
                    int want = (int) Math.min(buf.remaining(), remaining + 1);
                    buf.limit(buf.position() + want);
                    int n;
                    try {
                        n = in.read(buf);
                    } finally {
                        buf.limit(buf.capacity());
                    }
                    if (n < 0) {
                        break;
                    }
                    if (n > remaining) {
                        throw TarWriter.sizeChanged(m, origin, "more than " + m.size());
                    }
                    remaining -= n;
                    if (remaining == 0 && n < want) {
                        break; // a short read: the end of the file
                    }
                }
            }
            if (remaining != 0) {
                throw TarWriter.sizeChanged(m, origin, Long.toString(m.size() - remaining));
            }
        }

        /**
         * Hands over what is collected (before a transfer, a warning or the end), and a full
         * chunk with it, taking a free one to go on.
         */
        void cut() {
            boolean full = !buf.hasRemaining();
            if (buf.position() == start && !full) {
                return;
            }
            put(new Bytes(buf.slice(start, buf.position() - start), full ? buf : null, entries));
            start = buf.position();
            if (full) {
                buf = freeChunk();
                start = 0;
            }
        }

        private ByteBuffer freeChunk() {
            ByteBuffer free = spare.poll();
            if (free != null) {
                return free;
            }
            if (allocated < CHUNKS) {
                allocated++;
                return ByteBuffer.allocateDirect(CHUNK);
            }
            try {
                while ((free = spare.poll(20, TimeUnit.MILLISECONDS)) == null) {
                    if (cancelled) {
                        throw new CancellationException();
                    }
                }
                return free;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException();
            }
        }
    }

    private void put(Item item) {
        try {
            while (!queue.offer(item, 20, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    throw new CancellationException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        }
        if (cancelled) {
            throw new CancellationException();
        }
    }

    private Item take() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the tar", e);
        }
    }

}
