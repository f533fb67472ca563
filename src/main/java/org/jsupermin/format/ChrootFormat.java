package org.jsupermin.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsupermin.host.HostUser;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.IoErrors;
import org.jsupermin.util.RawPaths;
import org.jsupermin.util.Reporter;

/**
 * {@code --format chroot}: the tree as a directory. Directories first (owner-writable while
 * filling), files copied by a small thread pool, then links and special files, extended
 * attributes, and finally directory modes and mtimes, deepest first. Owners, device nodes and
 * privileged attributes need root; without it they are skipped with a warning.
 */
public final class ChrootFormat implements OutputFormat {

    /** File copies in flight; copying is I/O-bound. */
    static final int COPY_THREADS = 4;

    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_DIRECTORY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    /** Whether to act as root; null to find out when writing. */
    private final Boolean asRoot;
    private final int threads;

    /** A format that checks whether it runs as root when it writes. */
    public ChrootFormat() {
        this(null, COPY_THREADS);
    }

    /** A format told whether to act as root (tests use false to check the unprivileged path). */
    ChrootFormat(boolean root) {
        this(root, COPY_THREADS);
    }

    /** A format with its own number of copy threads (for measurements). */
    ChrootFormat(Boolean root, int threads) {
        this.asRoot = root;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "chroot";
    }

    @Override
    public OutputShape shape() {
        return OutputShape.DIRECTORY;
    }

    /** A directory keeps the host's modification times unless SOURCE_DATE_EPOCH is set. */
    @Override
    public boolean carriesPackageDatabase() {
        return true;
    }

    @Override
    public List<String> optionNames() {
        return List.of(NO_PACKAGE_DB);
    }

    @Override
    public boolean keepsHostTimes() {
        return true;
    }

    @Override
    public void write(FormatContext context, Path staging) throws IOException, FormatException {
        Reporter reporter = context.reporter();
        boolean root = asRoot != null ? asRoot : HostUser.isRoot();
        ChrootAttributes attrs = new ChrootAttributes(root);
        List<TreeEntry> files = new ArrayList<>();
        List<TreeEntry> hardLinks = new ArrayList<>();
        List<TreeEntry> specials = new ArrayList<>();
        List<TreeEntry> skipped = new ArrayList<>();
        // Every path is created under a directory this loop made itself (mkdir never follows a
        // symlink and fails on anything already there), and files are created exclusively: a
        // symlink in the tree, or one planted in the staging directory, is never written through.
        Set<String> made = new HashSet<>();
        ApplianceTree tree = context.tree();
        for (TreeEntry e : tree.entries()) {
            Path p = at(staging, e);
            if (e.parent() != null && !made.contains(e.parent())) {
                throw new FormatException("refusing to write " + e.path() + " into the chroot: its parent "
                        + e.parent() + " is not a directory this build created");
            }
            switch (e.type()) {
                case DIRECTORY -> {
                    Files.createDirectory(p, PRIVATE_DIRECTORY);
                    made.add(e.path());
                }
                case FILE -> (e.isHardLinkToEarlier() ? hardLinks : files).add(e);
                case SYMLINK -> {
                    Path target = RawPaths.of(e.linkTarget());
                    if (!FileNames.hasEscapes(e.linkTarget()) && !target.toString().equals(e.linkTarget())) {
                        // Java normalises "a//b" and "a/" in paths; the link still resolves the same
                        reporter.warning("symlink " + e.path() + " -> " + e.linkTarget() + " written as " + target);
                    }
                    Files.createSymbolicLink(p, target);
                    attrs.apply(e, p);
                }
                case FIFO -> special(specials, e);
                case CHAR_DEVICE, BLOCK_DEVICE -> {
                    if (root) {
                        special(specials, e);
                    } else {
                        skipped.add(e);
                    }
                }
                case SOCKET -> skipped.add(e);
            }
        }
        copyFiles(files, staging, attrs, reporter);
        new ChrootSpecialFiles(staging, attrs).create(specials);
        for (TreeEntry e : hardLinks) {
            // link(2) neither follows the existing name if it is a symlink nor replaces the new one
            Files.createLink(at(staging, e), RawPaths.resolve(staging, e.hardLinkGroup().substring(1)));
        }
        writeXattrs(tree, staging, reporter, root);
        for (TreeEntry e : skipped) {
            reporter.warning(e.type() == EntryType.SOCKET
                    ? "left out the socket " + e.path() + " (sockets are created by the programs that use them)"
                    : "left out the device node " + e.path() + ": creating device nodes needs root");
        }
        List<TreeEntry> entries = tree.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            TreeEntry e = entries.get(i);
            if (e.type() == EntryType.DIRECTORY) {
                attrs.apply(e, at(staging, e));
            }
        }
    }

    private static Path at(Path staging, TreeEntry e) throws FileSystemException {
        return e.path().equals("/") ? staging : RawPaths.resolve(staging, e.path().substring(1));
    }

    /**
     * Adds a FIFO or device node, made by commands whose arguments are text: a name that is not
     * UTF-8 cannot be handed to them unchanged, and is refused rather than altered.
     */
    private static void special(List<TreeEntry> specials, TreeEntry e) throws FormatException {
        if (FileNames.hasEscapes(e.path())) {
            throw new FormatException("cannot create " + FileNames.printable(e.path(), 80) + " in the chroot: "
                    + "FIFOs and device nodes whose names are not UTF-8 are not supported; use -f tar or -f ext2");
        }
        specials.add(e);
    }

    private void copyFiles(List<TreeEntry> files, Path staging, ChrootAttributes attrs, Reporter reporter)
            throws IOException, FormatException {
        long total = 0;
        for (TreeEntry e : files) {
            total += e.size();
        }
        reporter.begin("copying files", files.size(), total);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "chroot-copy");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Long>> done = new ArrayList<>(files.size());
            for (TreeEntry e : files) {
                done.add(pool.submit(() -> copyFile(e, at(staging, e), attrs)));
            }
            long bytes = 0;
            for (int i = 0; i < done.size(); i++) {
                bytes += await(done.get(i), files.get(i));
                reporter.progress(i + 1, bytes);
            }
        } finally {
            pool.shutdownNow();
            reporter.end();
        }
    }

    private static long await(Future<Long> f, TreeEntry e) throws IOException, FormatException {
        try {
            return f.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while copying " + e.path(), ex);
        } catch (ExecutionException ex) {
            Throwable c = ex.getCause();
            if (c instanceof FormatException fe) {
                throw fe;
            }
            if (c instanceof IOException io) {
                String from = e.source() instanceof ContentSource.HostFile h && h.path().toString().equals(e.path())
                        ? "" : " from " + FileNames.printable(e.source().describe(), 160);
                throw new IOException("writing " + FileNames.printable(e.path(), 160) + " into the chroot" + from + ": "
                        + IoErrors.describe(io), io);
            }
            if (c instanceof Error err) {
                throw err; // out of memory and the like: the command says so in one line
            }
            throw new IllegalStateException("copying " + e.path(), c);
        }
    }

    /** Copies one file's content and sets its attributes; returns its size. */
    private static long copyFile(TreeEntry e, Path p, ChrootAttributes attrs) throws IOException, FormatException {
        ContentSource source = e.source();
        if (source instanceof ContentSource.HostFile h) {
            Files.copy(h.path(), p);
        } else if (source instanceof ContentSource.Spooled s) {
            // copied inside the kernel, a sparse member's holes left unwritten
            try (FileChannel out = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                s.writeTo(out);
            }
        } else {
            try (InputStream in = source.open()) {
                Files.copy(in, p);
            }
        }
        long size = Files.size(p);
        if (size != e.size()) {
            throw new FormatException("writing " + e.path() + " into the chroot: " + source.describe()
                    + " changed size while the appliance was built (expected " + e.size() + " bytes, copied "
                    + size + "); build again");
        }
        attrs.apply(e, p);
        if (!attrs.root()) {
            ChrootAttributes.applyUserXattrs(e, p);
        }
        return size;
    }

    /**
     * Extended attributes of files and directories, after owners and modes (chown clears
     * security.capability). As root all of them go through one {@code setfattr --restore};
     * otherwise user.* ones are set directly and the rest are skipped with a warning.
     */
    private void writeXattrs(ApplianceTree tree, Path staging, Reporter reporter, boolean root) throws IOException, FormatException {
        StringBuilder dump = new StringBuilder();
        int skipped = 0;
        for (TreeEntry e : tree.entries()) {
            if (e.xattrs().isEmpty() || e.isHardLinkToEarlier()) {
                continue;
            }
            boolean supported = e.type() == EntryType.FILE || e.type() == EntryType.DIRECTORY;
            if (!supported) {
                skipped += e.xattrs().size();
            } else if (root) {
                ChrootAttributes.appendRestoreBlock(dump, e, e.xattrs().entrySet());
            } else {
                if (e.type() == EntryType.DIRECTORY) {
                    ChrootAttributes.applyUserXattrs(e, at(staging, e));
                }
                skipped += (int) e.xattrs().keySet().stream().filter(ChrootAttributes::needsSetfattr).count();
            }
        }
        if (skipped > 0) {
            reporter.warning("left out " + skipped + " extended attribute(s) such as security.capability: "
                    + (root ? "only files and directories get them" : "setting them needs root"));
        }
        if (dump.length() == 0) {
            return;
        }
        Path file = Files.createTempFile("jsupermin-xattrs", ".txt");
        try {
            Files.writeString(file, dump, StandardCharsets.US_ASCII);
            ChrootCommands.run(List.of("setfattr", "--restore=" + file), staging, null,
                    "restoring extended attributes in " + staging);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
