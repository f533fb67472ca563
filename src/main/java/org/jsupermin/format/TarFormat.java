package org.jsupermin.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.util.Reporter;

/**
 * {@code --format tar}: the tree as one POSIX tar archive, ready for {@code docker import}.
 * Members are named "./…" in tree order with numeric owners, empty user and group names, PAX
 * records for long names, big numbers and extended attributes, and hard links pointing at the
 * first member of their group. The same tree always gives the same bytes.
 */
public final class TarFormat implements OutputFormat {

    private static final int BUFFER = 256 * 1024;
    /**
     * Host files from this size on are copied by the kernel when the archive goes uncompressed
     * to a file; smaller ones are read into the pipeline's chunks by the preparing thread, which
     * spares the writing thread (the archive's bottleneck) five system calls per file.
     */
    static final long TRANSFER_MIN = 256 * 1024;

    /** The option choosing the compression; without it the file name's extension does. */
    public static final String COMPRESSION = "--compression";

    @Override
    public String name() {
        return "tar";
    }

    @Override
    public OutputShape shape() {
        return OutputShape.FILE;
    }

    @Override
    public boolean streams() {
        return true;
    }

    @Override
    public List<String> optionNames() {
        return List.of(COMPRESSION, NO_PACKAGE_DB);
    }

    @Override
    public boolean carriesPackageDatabase() {
        return true;
    }

    @Override
    public boolean containerImage() {
        return true;
    }

    @Override
    public void check(FormatOptions options) throws FormatException {
        TarCompression.choose(options.text(COMPRESSION), "");
    }

    @Override
    public void write(FormatContext context, Path staging) throws IOException, FormatException {
        Path fileName = staging.getFileName();
        TarCompression compression = TarCompression.choose(context.options().text(COMPRESSION),
                fileName == null ? "" : fileName.toString());
        try (FileChannel channel = FileChannel.open(staging, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            write(context, compression, Channels.newOutputStream(channel),
                    compression == TarCompression.NONE ? channel : null);
        }
    }

    /**
     * Streams the archive to {@code out} ({@code -o -}). The compression comes from the
     * {@code --compression} option (none without it). {@code out} is not closed; the caller flushes.
     */
    @Override
    public void writeTo(FormatContext context, OutputStream out) throws IOException, FormatException {
        write(context, TarCompression.choose(context.options().text(COMPRESSION), ""), out, null);
    }

    /** {@code channel}, when not null, is the uncompressed {@code out}'s channel, for kernel copies. */
    private void write(FormatContext context, TarCompression compression, OutputStream out, FileChannel channel)
            throws IOException, FormatException {
        ApplianceTree tree = context.tree();
        Reporter reporter = context.reporter();
        reporter.begin("writing tar", tree.size(), tree.contentBytes());
        try (OutputStream compressed = compression.wrap(out);
             OutputStream buffered = new BufferedOutputStream(compressed, BUFFER)) {
            TarPipeline.write(tree.entries(), reporter, buffered, channel);
        } finally {
            reporter.end();
        }
    }
}
