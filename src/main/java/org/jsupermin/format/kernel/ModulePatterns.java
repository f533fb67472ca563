package org.jsupermin.format.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of a kernel's modules to take: each pattern is a module name ("sd_mod") or a prefix
 * ending in '*' ("virtio*"), matched against canonical names ('_' for '-', as
 * {@link KernelModule#nameOf} writes them), so that "virtio*" takes virtio-rng.ko and
 * "virtio_gpu" leaves out virtio-gpu.ko.
 *
 * @param included a module is taken when one of these matches it
 * @param excluded unless one of these matches it too
 */
public record ModulePatterns(List<String> included, List<String> excluded) {

    /**
     * The initrd's set, supermin's documented one: what it takes to find a disk with an ext2
     * filesystem on it (virtio, IDE/SATA, SCSI, pmem and Power's vSCSI disks, ext2 or the ext4
     * that serves it, the checksums they use), less the virtio GPU and its graphics stack.
     */
    public static final ModulePatterns INITRD = new ModulePatterns(
            List.of("ext2", "ext4", "virtio*", "libata*", "piix*", "sd_mod", "ata_piix", "crc*", "libcrc*",
                    "ibmvscsic", "ibmvscsi", "libnvdimm", "nd_pmem", "nd_btt", "nfit"),
            List.of("virtio_gpu"));

    public ModulePatterns {
        included = canonical(included);
        excluded = canonical(excluded);
    }

    private static List<String> canonical(List<String> patterns) {
        List<String> result = new ArrayList<>(patterns.size());
        for (String p : patterns) {
            if (p.isEmpty() || p.indexOf('*') != p.length() - 1 && p.indexOf('*') >= 0) {
                throw new IllegalArgumentException("module pattern '" + p + "': a name, or a prefix ending in '*'");
            }
            result.add(p.replace('-', '_'));
        }
        return List.copyOf(result);
    }

    /** True when {@code name} (any spelling: "virtio-rng", "virtio_rng.ko") is taken. */
    public boolean matches(String name) {
        String n = KernelModule.nameOf(name);
        return matchesAny(included, n) && !matchesAny(excluded, n);
    }

    private static boolean matchesAny(List<String> patterns, String name) {
        for (String p : patterns) {
            boolean prefix = p.endsWith("*");
            if (prefix ? name.startsWith(p.substring(0, p.length() - 1)) : name.equals(p)) {
                return true;
            }
        }
        return false;
    }
}
