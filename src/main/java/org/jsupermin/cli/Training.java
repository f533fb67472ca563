package org.jsupermin.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsupermin.format.Ext2RootImage;
import org.jsupermin.format.kernel.InitrdWriter;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.tree.ContentSource;
import org.jsupermin.tree.TreeEntry;
import org.jsupermin.util.FileTrees;

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

    public static void main(String[] args) throws IOException {
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
                    List.of("--build", "-f", "chroot", "--if-newer", d, "-o", work.resolve("c").toString()),
                    List.of("--build", "-f", "chroot", "--if-newer", d, "-o", work.resolve("c").toString()))) {
                try {
                    SuperminCommand.run(command.toArray(String[]::new));
                } catch (RuntimeException ignored) {
                    // recorded classes are what counts
                }
            }
            trainExt2(work);
        } finally {
            System.setOut(out);
            System.setErr(err);
            FileTrees.deleteRecursively(work);
        }
    }
}
