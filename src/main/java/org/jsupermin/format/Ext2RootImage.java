package org.jsupermin.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Future;

import org.jsupermin.ext2.ContentPreload;
import org.jsupermin.ext2.ContentSupplier;
import org.jsupermin.ext2.Ext2Exception;
import org.jsupermin.ext2.Ext2ImageBuilder;
import org.jsupermin.ext2.Ext2Options;
import org.jsupermin.ext2.FileType;
import org.jsupermin.ext2.InodeAttributes;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.Reporter;

/** Writes an {@link ApplianceTree} into an ext2 image file (the appliance's root filesystem). */
public final class Ext2RootImage {

    /** The phase name given to {@link Reporter#begin}. */
    public static final String PHASE = "writing root image";

    private Ext2RootImage() {
    }

    /**
     * Writes {@code tree} into a new image of {@code sizeBytes} at {@code image}; {@code timestamp}
     * stamps the superblock (and lost+found when the tree has none).
     *
     * @throws Ext2Exception when the tree does not fit or cannot be represented in ext2
     */
    public static void write(ApplianceTree tree, long sizeBytes, long timestamp, Path image)
            throws IOException, Ext2Exception {
        write(tree, sizeBytes, timestamp, image, Reporter.SILENT);
    }

    /** Host files are copied file to file; bytes held in memory are streamed. */
    private static ContentSupplier content(ContentSource source) {
        if (source == null) {
            return NO_CONTENT;
        }
        if (source instanceof ContentSource.HostFile h) {
            return ContentSupplier.ofFile(h.path());
        }
        return source::open;
    }

    private static final ContentSupplier NO_CONTENT = InputStream::nullInputStream;

    /**
     * Like {@link #write(ApplianceTree, long, long, Path)}, reporting the regular files written
     * (count and bytes) to {@code reporter} as the phase {@value #PHASE}.
     */
    public static void write(ApplianceTree tree, long sizeBytes, long timestamp, Path image, Reporter reporter)
            throws IOException, Ext2Exception {
        write(tree, sizeBytes, timestamp, image, reporter, null);
    }

    /**
     * Like {@link #write(ApplianceTree, long, long, Path, Reporter)}, taking over the contents
     * {@code preload} copies into {@code image} meanwhile (see {@link ContentPreload}), or null.
     */
    public static void write(ApplianceTree tree, long sizeBytes, long timestamp, Path image, Reporter reporter,
                             Future<ContentPreload> preload) throws IOException, Ext2Exception {
        Ext2ImageBuilder builder = new Ext2ImageBuilder(Ext2Options.of(sizeBytes, timestamp));
        long files = 0;
        for (TreeEntry e : tree.entries()) {
            add(builder, e);
            if (e.type() == EntryType.FILE && !e.isHardLinkToEarlier()) {
                files++;
            }
        }
        reporter.begin(PHASE, files, tree.contentBytes());
        try {
            builder.write(image, reporter, preload);
        } finally {
            reporter.end();
        }
    }

    private static void add(Ext2ImageBuilder builder, TreeEntry e) {
        if (e.isHardLinkToEarlier()) {
            builder.addHardLink(e.path(), e.hardLinkGroup());
            return;
        }
        InodeAttributes a = new InodeAttributes(e.mode(), e.uid(), e.gid(), e.mtime(), e.xattrs());
        switch (e.type()) {
            case DIRECTORY -> builder.addDirectory(e.path(), a);
            case FILE -> builder.addFile(e.path(), a, e.size(), content(e.source()));
            case SYMLINK -> builder.addSymlink(e.path(), a, e.linkTarget());
            case CHAR_DEVICE -> builder.addDevice(e.path(), FileType.CHAR_DEVICE, a, e.devMajor(), e.devMinor());
            case BLOCK_DEVICE -> builder.addDevice(e.path(), FileType.BLOCK_DEVICE, a, e.devMajor(), e.devMinor());
            case FIFO -> builder.addFifo(e.path(), a);
            case SOCKET -> builder.addSocket(e.path(), a);
        }
    }
}
