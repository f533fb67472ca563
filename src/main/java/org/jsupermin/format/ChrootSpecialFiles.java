package org.jsupermin.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsupermin.tree.EntryType;
import org.jsupermin.tree.TreeEntry;

/**
 * Creates FIFOs (a few batched {@code mkfifo} runs) and device nodes (one {@code mknod} each,
 * root only) in a chroot, then gives them their owners, modes and mtimes.
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
        List<String> fifos = new ArrayList<>();
        for (TreeEntry e : specials) {
            if (e.type() == EntryType.FIFO) {
                fifos.add(relative(e));
                if (fifos.size() == ChrootCommands.MAX_ARGS) {
                    mkfifo(fifos);
                }
            }
        }
        mkfifo(fifos);
        for (TreeEntry e : specials) {
            if (e.type() == EntryType.CHAR_DEVICE || e.type() == EntryType.BLOCK_DEVICE) {
                ChrootCommands.run(List.of("mknod", relative(e), e.type() == EntryType.CHAR_DEVICE ? "c" : "b",
                        Integer.toString(e.devMajor()), Integer.toString(e.devMinor())), staging, null,
                        "creating the device node " + e.path());
            }
        }
        for (TreeEntry e : specials) {
            attrs.apply(e, staging.resolve(e.path().substring(1)));
        }
    }

    private void mkfifo(List<String> fifos) throws IOException, FormatException {
        if (fifos.isEmpty()) {
            return;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add("mkfifo");
        cmd.add("--");
        cmd.addAll(fifos);
        ChrootCommands.run(cmd, staging, null, "creating FIFOs in " + staging);
        fifos.clear();
    }

    /** "./path" relative to the chroot, so that no name is read as an option. */
    private static String relative(TreeEntry e) {
        return "." + e.path();
    }
}
