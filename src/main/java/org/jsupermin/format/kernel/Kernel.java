package org.jsupermin.format.kernel;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The kernel an ext2 appliance boots with.
 *
 * @param version the kernel release ("6.1.0-56-amd64"), as {@code uname -r} prints it
 * @param image the kernel image (bzImage / vmlinuz) on the host
 * @param modulesDir the directory holding this kernel's modules and modules.dep
 */
public record Kernel(String version, Path image, Path modulesDir) {

    public Kernel {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(modulesDir, "modulesDir");
    }
}
