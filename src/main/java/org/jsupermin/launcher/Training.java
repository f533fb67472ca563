package org.jsupermin.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsupermin.build.FormatRegistry;
import org.jsupermin.cli.Main;
import org.jsupermin.cli.SuperminCommand;
import org.jsupermin.format.EarlyStart;
import org.jsupermin.format.Ext2RootImage;
import org.jsupermin.format.FormatContext;
import org.jsupermin.format.FormatOptions;
import org.jsupermin.format.FormatSettings;
import org.jsupermin.format.OutputFormat;
import org.jsupermin.format.kernel.InitrdWriter;
import org.jsupermin.host.HostTreeWalk;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.HostEntries;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.tree.TreeInputs;
import org.jsupermin.util.FileTrees;
import org.jsupermin.util.Reporter;

/**
 * The run the launcher records a class-data-sharing archive from: the common commands, once each,
 * on this host, with all output discarded. Whatever fails (no package database, no bash) is
 * ignored: the classes it loaded are recorded all the same.
 */
public final class Training {

    private Training() {
    }

    /**
     * The ext2 writer and the initrd writer on a tiny tree: an {@code -f ext2} build would also copy
     * the kernel's modules, which takes long for a training run; their classes are what counts.
     */
    private static void trainExt2(Path work) {
        try {
            byte[] hello = "hello\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ApplianceTree tree = ApplianceTree.of(List.of(
                    TreeEntry.directory("/", 0755, 0),
                    TreeEntry.directory("/etc", 0755, 0),
                    TreeEntry.file("/etc/hello", 0644, 0, hello.length, new ContentSource.Bytes(hello, "training"))));
            Ext2RootImage.write(tree, 64L << 20, 0, work.resolve("root"));
            new InitrdWriter(0).write(List.of(), work.resolve("initrd"));
        } catch (Exception ignored) {
            // recorded classes are what counts
        }
    }

    /**
     * The path of an {@code -f ext2} build (kernel location, the early start copying modules and
     * package files into the image, the writer taking them over), on a made-up root whose kernel
     * has two tiny modules instead of hundreds of megabytes.
     */
    private static void trainExt2Build(Path work) {
        OutputFormat ext2 = FormatRegistry.standard().find("ext2");
        try {
            Path root = work.resolve("kernel-root");
            Path modules = root.resolve("lib/modules/1.0.0-training");
            Files.createDirectories(modules.resolve("kernel/fs/ext4"));
            Files.write(modules.resolve("vmlinuz"), new byte[512]);
            Files.write(modules.resolve("kernel/fs/ext4/ext4.ko"), new byte[40_000]);
            Files.write(modules.resolve("kernel/fs/ext4/jbd2.ko"), new byte[20_000]);
            Files.writeString(modules.resolve("modules.dep"),
                    "kernel/fs/ext4/ext4.ko: kernel/fs/ext4/jbd2.ko\nkernel/fs/ext4/jbd2.ko:\n");
            Path hello = Files.write(work.resolve("hello"), new byte[70_000]);
            FormatSettings settings = new FormatSettings(root, Map.of(), FormatOptions.of("--size", "64M"), 0L,
                    Reporter.SILENT);
            Path staging = work.resolve("ext2-appliance");
            try (EarlyStart start = ext2.early(settings)) {
                start.begin(staging);
                start.excludes(List.of("/nothing/*"));
                TreeEntry packageFile = TreeEntry.file("/usr/hello", 0644, 0, 70_000, new ContentSource.HostFile(hello));
                List<TreeEntry> entries = new ArrayList<>(List.of(
                        TreeEntry.directory("/", 0755, 0),
                        TreeEntry.directory("/lib", 0755, 0),
                        TreeEntry.directory("/lib/modules", 0755, 0),
                        TreeEntry.directory("/usr", 0755, 0),
                        packageFile));
                for (TreeInputs.ExtraTree extra : start.extraTrees()) {
                    for (HostTreeWalk.Walked w : extra.walked().get()) {
                        entries.add(HostEntries.of(w));
                    }
                }
                start.packageFilesFound().accept(List.of(packageFile));
                ext2.write(new FormatContext(ApplianceTree.of(entries), null, null, null, null, null, settings, start), staging);
            }
        } catch (Exception ignored) {
            // recorded classes are what counts
        }
    }

    /** The layer cache's classes, which the training's {@code -f oci --no-cache} build does not reach. */
    private static void trainLayerCache() {
        for (String name : List.of("LayerCache", "LayerKey", "LayerCacheRecord", "LayerCacheEviction")) {
            try {
                Class.forName("org.jsupermin.oci." + name);
            } catch (ClassNotFoundException | LinkageError ignored) {
                // recorded classes are what counts
            }
        }
    }

    public static void main(String[] args) throws IOException {
        // the entry point and its failure handler too go into the archive: loaded from the jar, they
        // would cost every start the jar's opening and checking
        Class<?> entry = Main.class;
        try {
            Class.forName(Main.class.getName() + "$UncaughtFailure");
        } catch (ClassNotFoundException ignored) {
            // recorded classes are what counts
        }
        Path work = Files.createTempDirectory("jsupermin-training-");
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(nowhere);
        System.setErr(nowhere);
        try {
            String d = work.resolve("d").toString();
            for (List<String> command : List.of(
                    List.of("--help"),
                    List.of("--version"),
                    List.of("--list-drivers"),
                    List.of("--prepare", "--use-installed", "bash", "-o", d),
                    List.of("--build", "-f", "tar", d, "-o", work.resolve("a.tar").toString()),
                    // without the layer cache, which lives outside the training's directory
                    List.of("--build", "-f", "oci", "--no-cache", d, "-o", work.resolve("i.tar").toString()),
                    List.of("--build", "-f", "chroot", "--if-newer", d, "-o", work.resolve("c").toString()),
                    List.of("--build", "-f", "chroot", "--if-newer", d, "-o", work.resolve("c").toString()),
                    // by now the stamp usually watches the inputs: the check that reads nothing
                    List.of("--build", "-f", "chroot", "--if-newer", d, "-o", work.resolve("c").toString()))) {
                try {
                    SuperminCommand.run(command.toArray(String[]::new));
                } catch (RuntimeException ignored) {
                    // recorded classes are what counts
                }
            }
            trainLayerCache();
            trainExt2(work);
            trainExt2Build(work);
        } finally {
            System.setOut(out);
            System.setErr(err);
            FileTrees.deleteRecursively(work);
        }
    }
}
