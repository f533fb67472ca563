package org.jsupermin.format.kernel;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One loadable kernel module.
 *
 * @param name the module's name with '-' written as '_' ("crc32c_intel"), as the kernel knows it
 * @param file the module file on the host (.ko, .ko.gz, .ko.xz or .ko.zst)
 */
public record KernelModule(String name, Path file) {

    public KernelModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
    }

    /** The canonical name of a module file or module name: no directory, no .ko suffix, '_' for '-'. */
    public static String nameOf(String fileOrName) {
        String n = fileOrName.substring(fileOrName.lastIndexOf('/') + 1);
        int ko = n.indexOf(".ko");
        if (ko >= 0) {
            n = n.substring(0, ko);
        }
        return n.replace('-', '_');
    }
}
