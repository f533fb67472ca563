package org.jsupermin.oci;

import java.util.Locale;

/**
 * An image's platform as OCI names it: {@code architecture} ("amd64", "arm64"), an optional
 * {@code variant} ("v7", "v8") and {@code os} ("linux").
 */
public record Platform(String architecture, String variant, String os) {

    /**
     * The platform of a CPU or package architecture name as the host, {@code --host-cpu} or a
     * package database spell it ("x86_64", "amd64", "aarch64", "armhf", "i686", …).
     *
     * @throws OciException when the name is no CPU an image can be made for
     */
    public static Platform ofCpu(String cpu) throws OciException {
        String c = cpu.toLowerCase(Locale.ROOT);
        return switch (c) {
            case "x86_64", "amd64", "x64" -> linux("amd64", null);
            case "aarch64", "arm64" -> linux("arm64", "v8");
            case "i386", "i486", "i586", "i686", "x86" -> linux("386", null);
            case "armv7l", "armv7hl", "armhf", "armv7", "arm" -> linux("arm", "v7");
            case "armv6l", "armv6", "armv6hl" -> linux("arm", "v6");
            case "armel", "armv5tel", "armv5" -> linux("arm", "v5");
            case "ppc64le", "ppc64el", "powerpc64le" -> linux("ppc64le", null);
            case "ppc64", "powerpc64" -> linux("ppc64", null);
            case "s390x" -> linux("s390x", null);
            case "riscv64" -> linux("riscv64", null);
            case "mips64el" -> linux("mips64le", null);
            case "mips64" -> linux("mips64", null);
            case "mipsel" -> linux("mipsle", null);
            case "mips" -> linux("mips", null);
            case "loongarch64", "loong64" -> linux("loong64", null);
            default -> throw new OciException("no OCI architecture is known for the CPU '" + cpu
                    + "'; give --host-cpu one of x86_64, aarch64, i686, armv7l, ppc64le, s390x, riscv64");
        };
    }

    private static Platform linux(String architecture, String variant) {
        return new Platform(architecture, variant, "linux");
    }
}
