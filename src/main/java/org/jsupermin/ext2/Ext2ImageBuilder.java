package org.jsupermin.ext2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;

import org.jsupermin.util.Reporter;

/**
 * Builds an ext2 image from entries added in any order, in the spirit of e2fsprogs'
 * populate-from-directory functions (mkdir, write, symlink, link) but without root, loop
 * devices or external tools. Entries are only recorded when added; {@link #write} plans the
 * layout and streams file contents into the image. The same entries always give the same bytes.
 *
 * <p>The root directory and /lost+found are created (0755 and 0700, root-owned, at the
 * options' timestamp) unless added explicitly. Every other parent must be added as a directory.
 */
public final class Ext2ImageBuilder {

    private final Ext2Options options;
    /** In the order added: callers adding in path order make the plan's sort a single pass. */
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    public Ext2ImageBuilder(Ext2Options options) {
        this.options = options;
    }

    /** Adds a directory ("/" sets the root's attributes). */
    public void addDirectory(String path, InodeAttributes attrs) {
        add(new Node(path, FileType.DIRECTORY, attrs, 0, null, null, 0, 0, null));
    }

    /** Adds a regular file of exactly {@code size} bytes read from {@code content} while writing. */
    public void addFile(String path, InodeAttributes attrs, long size, ContentSupplier content) {
        if (size < 0 || content == null) {
            throw new IllegalArgumentException("file " + path + " needs a size >= 0 and a content supplier");
        }
        add(new Node(path, FileType.REGULAR, attrs, size, content, null, 0, 0, null));
    }

    /** Adds a symbolic link (fast when the target is under 60 bytes, else in a data block). */
    public void addSymlink(String path, InodeAttributes attrs, String target) {
        if (target == null) {
            throw new IllegalArgumentException("symlink " + path + " needs a target");
        }
        add(new Node(path, FileType.SYMLINK, attrs, 0, null, target, 0, 0, null));
    }

    /** Adds another name for the non-directory already (or later) added at {@code existingPath}. */
    public void addHardLink(String path, String existingPath) {
        add(Node.link(path, existingPath));
    }

    /** Adds a character or block device node. */
    public void addDevice(String path, FileType type, InodeAttributes attrs, int major, int minor) {
        if (type != FileType.CHAR_DEVICE && type != FileType.BLOCK_DEVICE) {
            throw new IllegalArgumentException("device " + path + " must be CHAR_DEVICE or BLOCK_DEVICE, not " + type);
        }
        add(new Node(path, type, attrs, 0, null, null, major, minor, null));
    }

    /** Adds a named pipe. */
    public void addFifo(String path, InodeAttributes attrs) {
        add(new Node(path, FileType.FIFO, attrs, 0, null, null, 0, 0, null));
    }

    /** Adds a socket inode. */
    public void addSocket(String path, InodeAttributes attrs) {
        add(new Node(path, FileType.SOCKET, attrs, 0, null, null, 0, 0, null));
    }

    /** Number of names added so far. */
    public int size() {
        return nodes.size();
    }

    /**
     * Writes the image to {@code image} (created or replaced; removed again on failure).
     *
     * @throws Ext2Exception when the entries are inconsistent or do not fit in the image size
     */
    public void write(Path image) throws IOException, Ext2Exception {
        write(image, Reporter.SILENT);
    }

    /**
     * Like {@link #write(Path)}, calling {@code reporter.progress(files, bytes)} after each
     * regular file's content is written (the caller begins and ends the phase).
     */
    public void write(Path image, Reporter reporter) throws IOException, Ext2Exception {
        write(image, reporter, null);
    }

    /**
     * Like {@link #write(Path, Reporter)}, taking over the contents {@code preload} placed in
     * {@code image} beforehand (or writing the image afresh when they cannot all be taken over:
     * see {@link ContentPreload}). The layout is planned before the preload is waited for. The
     * same entries give the same bytes with the same preload.
     */
    public void write(Path image, Reporter reporter, Future<ContentPreload> preload) throws IOException, Ext2Exception {
        Map<String, Node> all = new LinkedHashMap<>(nodes);
        InodeAttributes implicit = InodeAttributes.of(0755, 0, 0, options.timestamp());
        all.putIfAbsent("/", new Node("/", FileType.DIRECTORY, implicit, 0, null, null, 0, 0, null));
        all.putIfAbsent("/lost+found", new Node("/lost+found", FileType.DIRECTORY,
                InodeAttributes.of(0700, 0, 0, options.timestamp()), 0, null, null, 0, 0, null));
        TreePlan plan = new TreePlan(all);
        new ImageWriter(options, plan, reporter, preload).write(image);
    }

    private void add(Node node) {
        String p = node.path;
        if (p == null || !p.startsWith("/") || (p.length() > 1 && p.endsWith("/")) || p.contains("//")
                || p.contains("/./") || p.contains("/../") || p.endsWith("/.") || p.endsWith("/..") || p.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not an absolute normalised path: " + p);
        }
        if (node.attrs == null && !node.isLink()) {
            throw new IllegalArgumentException(p + " needs attributes");
        }
        if (nodes.putIfAbsent(p, node) != null) {
            throw new IllegalArgumentException(p + " was already added");
        }
    }
}
