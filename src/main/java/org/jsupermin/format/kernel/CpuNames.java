package org.jsupermin.format.kernel;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CPU names as they appear in kernel file names: decides whether a kernel such as
 * "vmlinuz-6.1.0-56-amd64" suits a host CPU such as "x86_64".
 */
public final class CpuNames {

    /** Groups of words naming the same CPU family in kernel and package names. */
    private static final List<Set<String>> FAMILIES = List.of(
            Set.of("x86_64", "amd64", "x64"),
            Set.of("i386", "i486", "i586", "i686", "686", "686-pae", "pae"),
            Set.of("aarch64", "arm64"),
            Set.of("armv7l", "armv7hl", "armhf", "armmp", "armel", "arm"),
            Set.of("ppc64le", "ppc64el", "powerpc64le"),
            Set.of("ppc64", "powerpc64", "powerpc"),
            Set.of("s390x", "s390"),
            Set.of("riscv64"),
            Set.of("loongarch64", "loong64"),
            Set.of("mips64el", "mips64", "mipsel", "mips"));

    private static final Pattern SEPARATORS = Pattern.compile("[-.+~]");

    private CpuNames() {
    }

    /** The host CPU for a JVM {@code os.arch} value ("amd64" gives "x86_64"). */
    public static String fromJavaArch(String osArch) {
        String a = osArch.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386", "i486", "i586", "i686" -> "i686";
            case "arm64", "aarch64" -> "aarch64";
            case "arm" -> "armv7l";
            case "ppc64le" -> "ppc64le";
            default -> a;
        };
    }

    /** This JVM's host CPU. */
    public static String host() {
        return fromJavaArch(System.getProperty("os.arch"));
    }

    /**
     * True when the file name names no CPU, or names one of hostCpu's family. Like supermin's
     * substring match on --host-cpu, a name containing hostCpu itself always suits it.
     */
    public static boolean suits(String fileName, String hostCpu) {
        String name = fileName.toLowerCase(Locale.ROOT);
        String cpu = hostCpu.toLowerCase(Locale.ROOT);
        if (name.contains(cpu)) {
            return true;
        }
        Set<String> own = familyOf(cpu);
        // "686-pae" spans a separator: look at pairs of adjacent words too
        String[] words = SEPARATORS.split(name);
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            String pair = i + 1 < words.length ? word + "-" + words[i + 1] : word;
            for (String w : new String[] {word, pair}) {
                if (isCpuWord(w) && !own.contains(w)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Set<String> familyOf(String cpu) {
        for (Set<String> family : FAMILIES) {
            if (family.contains(cpu)) {
                return family;
            }
        }
        return Set.of(cpu);
    }

    private static boolean isCpuWord(String word) {
        for (Set<String> family : FAMILIES) {
            if (family.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
