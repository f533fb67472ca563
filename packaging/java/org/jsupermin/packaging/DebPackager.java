package org.jsupermin.packaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vafer.jdeb.Compression;
import org.vafer.jdeb.Console;
import org.vafer.jdeb.DataConsumer;
import org.vafer.jdeb.DataProducer;
import org.vafer.jdeb.DebMaker;
import org.vafer.jdeb.PackagingException;
import org.vafer.jdeb.shaded.commons.compress.archivers.tar.TarArchiveEntry;

/** Writes jsupermin's .deb with jdeb: root-owned entries, fixed mtimes, relative symlinks. */
public final class DebPackager {

    /** Debian's directory for zsh completion functions shipped by packages. */
    public static final String ZSH_DIR = "/usr/share/zsh/vendor-completions";

    /** The Java runtime the launcher needs (the second alternative is the virtual package). */
    public static final String DEPENDS = "default-jre-headless (>= 2:1.17) | java17-runtime-headless";

    private DebPackager() {
    }

    /** Writes {@code NAME_VERSION_all.deb} into {@code outDir}; returns its path. */
    public static Path write(PackageMetadata meta, List<InstallEntry> entries, Path workDir, Path outDir)
            throws IOException {
        Path control = Files.createDirectories(workDir.resolve("deb-control"));
        Files.writeString(control.resolve("control"), control(meta, entries), StandardCharsets.UTF_8);
        writeScript(control.resolve("postinst"), MaintainerScripts.debPostinst());
        writeScript(control.resolve("postrm"), MaintainerScripts.debPostrm());
        Path deb = outDir.resolve(meta.name() + "_" + meta.version() + "_all.deb");
        IOException[] failure = new IOException[1];
        List<DataProducer> data = List.of(consumer -> {
            try {
                produce(entries, meta.timestampMillis(), consumer);
            } catch (IOException | RuntimeException | LinkageError e) {
                // jdeb's closing of the archive would hide the cause
                failure[0] = e instanceof IOException io ? io : new IOException(e.toString(), e);
                throw e;
            }
        });
        DebMaker maker = new DebMaker(new SilentConsole(), data, List.of());
        maker.setControl(control.toFile());
        maker.setDeb(deb.toFile());
        maker.setOutputTimestampMs(meta.timestampMillis());
        maker.setTarLongFileMode("posix");
        try {
            maker.createDeb(Compression.XZ);
        } catch (PackagingException e) {
            if (failure[0] != null) {
                throw new IOException("writing " + deb + ": " + failure[0].getMessage(), failure[0]);
            }
            throw new IOException("writing " + deb + ": " + e.getMessage(), e);
        }
        return deb;
    }

    /** The control file (jdeb adds Installed-Size). */
    static String control(PackageMetadata meta, List<InstallEntry> entries) {
        StringBuilder description = new StringBuilder();
        for (String line : meta.longDescription().split("\n")) {
            description.append(' ').append(line.isEmpty() ? "." : line).append('\n');
        }
        return "Package: " + meta.name() + "\n"
                + "Version: " + meta.version() + "\n"
                + "Section: admin\n"
                + "Priority: optional\n"
                + "Architecture: all\n"
                + "Maintainer: " + meta.maintainer() + "\n"
                + "Depends: " + DEPENDS + "\n"
                + "Conflicts: supermin\n"
                + "Replaces: supermin\n"
                + "Provides: supermin (= " + PackageMetadata.PROVIDES_SUPERMIN + ")\n"
                + "Description: " + meta.summary() + "\n"
                + description;
    }

    private static void produce(List<InstallEntry> entries, long mtimeMillis, DataConsumer consumer)
            throws IOException {
        List<String> dirs = new ArrayList<>(InstallLayout.systemDirectories(entries));
        for (String dir : dirs) {
            consumer.onEachDir(entry("." + dir + "/", TarArchiveEntry.LF_DIR, 0755, mtimeMillis));
        }
        for (InstallEntry e : entries) {
            switch (e.kind()) {
                case DIRECTORY -> consumer.onEachDir(entry("." + e.path() + "/", TarArchiveEntry.LF_DIR, e.mode(), mtimeMillis));
                case SYMLINK -> {
                    TarArchiveEntry link = entry("." + e.path(), TarArchiveEntry.LF_SYMLINK, e.mode(), mtimeMillis);
                    link.setLinkName(e.target());
                    consumer.onEachLink(link);
                }
                case FILE -> {
                    TarArchiveEntry file = entry("." + e.path(), TarArchiveEntry.LF_NORMAL, e.mode(), mtimeMillis);
                    byte[] bytes = Files.readAllBytes(e.source());
                    file.setSize(bytes.length);
                    try (InputStream in = new ByteArrayInputStream(bytes)) {
                        consumer.onEachFile(in, file);
                    }
                }
            }
        }
    }

    private static TarArchiveEntry entry(String name, byte type, int mode, long mtimeMillis) {
        TarArchiveEntry e = new TarArchiveEntry(name, type);
        e.setMode((type == TarArchiveEntry.LF_DIR ? 040000 : type == TarArchiveEntry.LF_SYMLINK ? 0120000 : 0100000) | mode);
        e.setUserId(0);
        e.setGroupId(0);
        e.setUserName("root");
        e.setGroupName("root");
        e.setModTime(mtimeMillis);
        return e;
    }

    private static void writeScript(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        file.toFile().setExecutable(true, false);
    }

    /** jdeb's messages are not needed: failures arrive as exceptions. */
    private static final class SilentConsole implements Console {
        @Override public void debug(String message) { }
        @Override public void info(String message) { }
        @Override public void warn(String message) { }
    }
}
