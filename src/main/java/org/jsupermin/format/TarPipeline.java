package org.jsupermin.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.Reporter;
import org.jsupermin.util.Threads;

/**
 * Writes a tar archive on two threads: one prepares it (members, headers and the contents of
 * small files, read into 256 KiB chunks), the caller's thread writes the chunks out and has the
 * kernel copy the big files into the output channel. Reading and encoding thus overlap with the
 * writing, which is what the archive's time goes to. At most 16 chunks wait at any time: memory
 * stays flat however big the tree. The bytes are the same as one thread would write.
 */
final class TarPipeline {

    private static final int CHUNK = 256 * 1024;
    private static final int QUEUED = 16;

    /** What the preparing thread hands over, in archive order. */
    private sealed interface Item permits Bytes, Transfer, Warning, Failure, End {
    }

    /** Archive bytes; {@code entries} is the number of tree entries prepared so far. */
    private record Bytes(byte[] data, int length, long entries) implements Item {
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
    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(QUEUED + 2);
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
        try {
            while (!ended) {
                Item item = take();
                if (item instanceof Bytes b) {
                    out.write(b.data(), 0, b.length());
                    bytes += b.length();
                    if (b.data().length == CHUNK) {
                        spare.offer(b.data());
                    }
                    reporter.progress(b.entries(), bytes);
                } else if (item instanceof Transfer t) {
                    out.flush();
                    TarWriter.copyExactly(t.member(), t.file(), t.origin(), channel);
                    bytes += t.member().size();
                } else if (item instanceof Warning w) {
                    reporter.warning(w.message());
                } else if (item instanceof Failure f) {
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
            TarWriter writer = new TarWriter(chunks, transfers ? (m, file, origin) -> {
                chunks.cut();
                put(new Transfer(m, file, origin));
            } : null);
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
            throws IOException, FormatException {
        if (writer.canTransfer() && m.size() >= TarFormat.TRANSFER_MIN && source instanceof ContentSource.HostFile h) {
            writer.transfer(m, h.path(), source.describe());
            return;
        }
        try (InputStream in = source.open()) {
            writer.write(m, in, source.describe());
        }
    }

    /** Archive bytes collected into chunks, each handed over when full or cut. */
    private final class Chunks extends OutputStream {
        private byte[] buf = new byte[CHUNK];
        private int pos;
        long entries;

        @Override
        public void write(int b) {
            if (pos == buf.length) {
                cut();
            }
            buf[pos++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (pos == buf.length) {
                    cut();
                }
                int n = Math.min(len, buf.length - pos);
                System.arraycopy(b, off, buf, pos, n);
                pos += n;
                off += n;
                len -= n;
            }
        }

        /** Hands over what is collected (before a transfer, a warning or the end). */
        void cut() {
            if (pos == 0) {
                return;
            }
            put(new Bytes(buf, pos, entries));
            byte[] next = spare.poll();
            buf = next != null ? next : new byte[CHUNK];
            pos = 0;
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
