package org.jsupermin.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;

/**
 * Creates FIFOs (batched {@code mkfifo -m}) and device nodes (one {@code mknod -m} each, root
 * only) in a chroot, then sets owners and, batched by time, {@code touch -h -d} mtimes. Special
 * files are never opened: opening a FIFO blocks and opening a device may have side effects, and
 * Java's mode and time setters open the file.
 */
final class ChrootSpecialFiles {

    private final Path staging;
    private final ChrootAttributes attrs;

    ChrootSpecialFiles(Path staging, ChrootAttributes attrs) {
        this.staging = staging;
        this.attrs = attrs;
    }

    /** Creates every FIFO and device node in {@code specials}. */
    void create(List<TreeEntry> specials) throws IOException, FormatException {
        Map<Integer, List<String>> fifosByMode = new TreeMap<>();
        Map<Long, List<String>> byMtime = new TreeMap<>();
        for (TreeEntry e : specials) {
            if (e.type() == EntryType.FIFO) {
                fifosByMode.computeIfAbsent(e.mode(), m -> new ArrayList<>()).add(relative(e));
            } else {
                ChrootCommands.run(List.of("mknod", "-m", octal(e.mode()), relative(e),
                        e.type() == EntryType.CHAR_DEVICE ? "c" : "b",
                        Integer.toString(e.devMajor()), Integer.toString(e.devMinor())), staging, null,
                        "creating the device node " + e.path());
            }
            byMtime.computeIfAbsent(e.mtime(), t -> new ArrayList<>()).add(relative(e));
        }
        for (Map.Entry<Integer, List<String>> g : fifosByMode.entrySet()) {
            runBatched(List.of("mkfifo", "-m", octal(g.getKey()), "--"), g.getValue(), "creating FIFOs");
        }
        if (attrs.root()) {
            for (TreeEntry e : specials) {
                // path-based lchown: never opens the node
                Path p = staging.resolve(e.path().substring(1));
                Files.setAttribute(p, "unix:uid", e.uid(), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", e.gid(), LinkOption.NOFOLLOW_LINKS);
            }
        }
        for (Map.Entry<Long, List<String>> g : byMtime.entrySet()) {
            runBatched(List.of("touch", "-h", "-d", "@" + g.getKey(), "--"), g.getValue(),
                    "setting times of FIFOs and device nodes");
        }
    }

    private void runBatched(List<String> prefix, List<String> paths, String what)
            throws IOException, FormatException {
        for (int i = 0; i < paths.size(); i += ChrootCommands.MAX_ARGS) {
            List<String> cmd = new ArrayList<>(prefix);
            cmd.addAll(paths.subList(i, Math.min(paths.size(), i + ChrootCommands.MAX_ARGS)));
            ChrootCommands.run(cmd, staging, null, what + " in " + staging);
        }
    }

    private static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }

    /** "./path" relative to the chroot, so that no name is read as an option. */
    private static String relative(TreeEntry e) {
        return "." + e.path();
    }
}
