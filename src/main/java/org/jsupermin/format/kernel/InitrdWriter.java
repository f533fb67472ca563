package org.jsupermin.format.kernel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsupermin.util.PathOrder;

/**
 * Writes the ext2 appliance's initrd: an uncompressed cpio (newc) archive, like supermin's, holding /init,
 * the modules that reach the root disk as /modules/NN-name.ko with their /modules/load-order, /dev/console
 * and the mount points. The output is reproducible: sorted entries, owner 0:0, one fixed
 * mtime, sequential inode numbers.
 */
public final class InitrdWriter {

    /** The list of module files, one per line, in the order /init loads them. */
    public static final String LOAD_ORDER = "modules/load-order";

    private static final int MODE_DIR = 0755;
    private static final int MODE_EXEC = 0755;
    private static final int MODE_FILE = 0644;
    private static final int CONSOLE_MAJOR = 5;
    private static final int CONSOLE_MINOR = 1;

    /** Members in path order. */
    private static final java.util.Comparator<Member> BY_PATH =
            java.util.Comparator.comparing((Member m) -> "/" + m.path(), PathOrder.COMPARATOR);

    private final long mtimeSeconds;

    /** @param mtimeSeconds the modification time of every entry (SOURCE_DATE_EPOCH) */
    public InitrdWriter(long mtimeSeconds) {
        this.mtimeSeconds = mtimeSeconds;
    }

    /** One archive member: path without leading '/', cpio mode (type and permissions), content. */
    private record Member(String path, long mode, byte[] data) {
    }

    /**
     * The initrd for a kernel: the modules {@link ModulePatterns#INITRD} takes with their
     * dependencies, in an order that loads every module after its dependencies, and /init.
     */
    public void write(Kernel kernel, Path target) throws IOException, KernelException {
        ModuleDependencies deps = ModuleDependencies.read(kernel.modulesDir());
        write(deps.closure(deps.matching(ModulePatterns.INITRD)), target);
    }

    /** Writes the initrd for these modules, given in load order, to a file. */
    public void write(List<KernelModule> modules, Path target) throws IOException, KernelException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            write(modules, out);
        }
    }

    /** Writes the initrd for these modules, given in load order; does not close {@code out}. */
    public void write(List<KernelModule> modules, OutputStream out) throws IOException, KernelException {
        List<Member> members = members(modules);
        // uncompressed, as supermin's: the kernel unpacks it without a decompressor, and
        // compressing ~5 MB of modules would cost more CPU time than the rest of the initrd
        NewcWriter cpio = new NewcWriter(out);
        long inode = 1;
        for (Member m : members) {
            int type = (int) (m.mode() & 0170000);
            boolean console = type == NewcWriter.S_IFCHR;
            cpio.write(m.path(), inode++, (int) m.mode(), type == NewcWriter.S_IFDIR ? 2 : 1, mtimeSeconds,
                    console ? CONSOLE_MAJOR : 0, console ? CONSOLE_MINOR : 0, m.data());
        }
        cpio.finish();
    }

    private List<Member> members(List<KernelModule> modules) throws IOException, KernelException {
        byte[] none = new byte[0];
        List<Member> members = new ArrayList<>();
        for (String dir : List.of("dev", "modules", "proc", "root", "sys")) {
            members.add(new Member(dir, NewcWriter.S_IFDIR | MODE_DIR, none));
        }
        members.add(new Member("dev/console", NewcWriter.S_IFCHR | 0600, none));
        members.add(new Member("init", NewcWriter.S_IFREG | MODE_EXEC, InitProgram.bytes()));
        int width = Math.max(2, String.valueOf(modules.size()).length());
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < modules.size(); i++) {
            KernelModule module = modules.get(i);
            String number = Integer.toString(i + 1);
            String file = "0".repeat(width - number.length()) + number + "-" + module.name() + ".ko";
            members.add(new Member("modules/" + file, NewcWriter.S_IFREG | MODE_FILE, ModuleFiles.read(module.file())));
            order.append(file).append('\n');
        }
        members.add(new Member(LOAD_ORDER, NewcWriter.S_IFREG | MODE_FILE, order.toString().getBytes(StandardCharsets.UTF_8)));
        members.sort(BY_PATH);
        return members;
    }

}
