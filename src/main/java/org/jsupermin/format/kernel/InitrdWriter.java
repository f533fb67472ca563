package org.jsupermin.format.kernel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.jsupermin.format.FormatException;
import org.jsupermin.util.PathOrder;
import org.jsupermin.util.NonClosingOutputStream;

/**
 * Writes the ext2 appliance's initrd: an uncompressed cpio (newc) archive, like supermin's, holding /init,
 * the root-disk modules as /modules/NN-name.ko with their /modules/load-order, /dev/console
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

    private final long mtimeSeconds;

    /** @param mtimeSeconds the modification time of every entry (SOURCE_DATE_EPOCH) */
    public InitrdWriter(long mtimeSeconds) {
        this.mtimeSeconds = mtimeSeconds;
    }

    /** One archive member: path without leading '/', cpio mode (type and permissions), content. */
    private record Member(String path, long mode, byte[] data) {
    }

    /** The initrd for a kernel: its root-disk modules ({@link ModuleDependencies#ROOT_MODULES}) and /init. */
    public void write(Kernel kernel, Path target) throws IOException, FormatException {
        List<KernelModule> modules = ModuleDependencies.read(kernel.modulesDir()).closure(ModuleDependencies.ROOT_MODULES);
        write(modules, target);
    }

    /** Writes the initrd for these modules, given in load order, to a file. */
    public void write(List<KernelModule> modules, Path target) throws IOException, FormatException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            write(modules, out);
        }
    }

    /** Writes the initrd for these modules, given in load order; does not close {@code out}. */
    public void write(List<KernelModule> modules, OutputStream out) throws IOException, FormatException {
        List<Member> members = members(modules);
        // uncompressed, as supermin's: the kernel unpacks it without a decompressor, and
        // compressing ~5 MB of modules would cost more CPU time than the rest of the initrd
        OutputStream shield = new NonClosingOutputStream(out);
        try (CpioArchiveOutputStream cpio = new CpioArchiveOutputStream(shield, CpioConstants.FORMAT_NEW,
                     CpioConstants.BLOCK_SIZE, StandardCharsets.UTF_8.name())) {
            long inode = 1;
            for (Member m : members) {
                CpioArchiveEntry e = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, m.path());
                e.setMode(m.mode());
                e.setInode(inode++);
                e.setUID(0);
                e.setGID(0);
                e.setTime(mtimeSeconds);
                e.setNumberOfLinks((m.mode() & CpioConstants.S_IFMT) == CpioConstants.C_ISDIR ? 2 : 1);
                if ((m.mode() & CpioConstants.S_IFMT) == CpioConstants.C_ISCHR) {
                    e.setRemoteDeviceMaj(CONSOLE_MAJOR);
                    e.setRemoteDeviceMin(CONSOLE_MINOR);
                }
                e.setSize(m.data().length);
                cpio.putArchiveEntry(e);
                cpio.write(m.data());
                cpio.closeArchiveEntry();
            }
            cpio.finish();
        }
    }

    private List<Member> members(List<KernelModule> modules) throws IOException, FormatException {
        byte[] none = new byte[0];
        List<Member> members = new ArrayList<>();
        for (String dir : List.of("dev", "modules", "proc", "root", "sys")) {
            members.add(new Member(dir, CpioConstants.C_ISDIR | MODE_DIR, none));
        }
        members.add(new Member("dev/console", CpioConstants.C_ISCHR | 0600, none));
        members.add(new Member("init", CpioConstants.C_ISREG | MODE_EXEC, InitProgram.bytes()));
        int width = Math.max(2, String.valueOf(modules.size()).length());
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < modules.size(); i++) {
            KernelModule module = modules.get(i);
            String file = String.format("%0" + width + "d-%s.ko", i + 1, module.name());
            members.add(new Member("modules/" + file, CpioConstants.C_ISREG | MODE_FILE, ModuleFiles.read(module.file())));
            order.append(file).append('\n');
        }
        members.add(new Member(LOAD_ORDER, CpioConstants.C_ISREG | MODE_FILE, order.toString().getBytes(StandardCharsets.UTF_8)));
        members.sort((a, b) -> PathOrder.compare("/" + a.path(), "/" + b.path()));
        return members;
    }

}
