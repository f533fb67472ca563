package org.jsupermin.format.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;


/**
 * Chooses the kernel an ext2 appliance boots, as supermin does: SUPERMIN_KERNEL (with
 * SUPERMIN_KERNEL_VERSION and SUPERMIN_MODULES) when set, else the newest suitable kernel in
 * {@code <root>/lib/modules/}{@code *}{@code /vmlinuz}, else in {@code <root>/boot/vmlinuz-*}.
 */
public final class KernelLocator {

    /** Environment variable naming the kernel image to use. */
    public static final String ENV_KERNEL = "SUPERMIN_KERNEL";
    /** Environment variable naming the modules directory to use. */
    public static final String ENV_MODULES = "SUPERMIN_MODULES";
    /** Environment variable giving SUPERMIN_KERNEL's version. */
    public static final String ENV_KERNEL_VERSION = "SUPERMIN_KERNEL_VERSION";

    /** Words that mark a kernel supermin never boots: debug builds, checksums, Xen guests. */
    private static final List<String> UNBOOTABLE = List.of("dbg", "debug", ".hmac", "xen", ".sig", ".bak", ".old");

    /** Tells whether this process may read a file; the default opens it. */
    interface Access {
        boolean canRead(Path file);
    }

    /** The default access check: the file opens. */
    private static final Access OPENS = KernelLocator::opens;

    private static final Comparator<Path> BY_NAME = Comparator.comparing(p -> p.getFileName().toString());

    private final Path root;
    private final Map<String, String> environment;
    private final String hostCpu;
    private final Access access;

    /**
     * @param root the host root ("/" or --root)
     * @param environment the process environment
     * @param hostCpu --host-cpu, or null for this JVM's CPU
     */
    public KernelLocator(Path root, Map<String, String> environment, String hostCpu) {
        this(root, environment, hostCpu, OPENS);
    }

    KernelLocator(Path root, Map<String, String> environment, String hostCpu, Access access) {
        this.root = Objects.requireNonNull(root, "root");
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.hostCpu = hostCpu == null || hostCpu.isBlank() ? CpuNames.host() : hostCpu;
        this.access = access;
    }

    /** The chosen kernel, with a modules directory that exists. */
    public Kernel locate() throws KernelException {
        String forced = env(ENV_KERNEL);
        Kernel kernel = forced != null ? forcedKernel(Path.of(forced)) : bestInstalled();
        if (!Files.isDirectory(kernel.modulesDir())) {
            throw new KernelException("kernel " + kernel.version() + " has no modules in " + kernel.modulesDir()
                    + "; install the modules package of that kernel or set " + ENV_MODULES);
        }
        if (!access.canRead(kernel.image())) {
            String files = kernel.image().getFileName().toString().startsWith("vmlinuz-")
                    ? kernel.image().getParent() + "/vmlinuz-*" : kernel.image().toString();
            throw new KernelException("kernel " + kernel.image() + " is not readable by this user; run `sudo chmod 0644 "
                    + files + "` or set " + ENV_KERNEL + " to a readable kernel");
        }
        return kernel;
    }

    /**
     * The files and directories whose state decided {@link #locate()}'s choice of {@code chosen}:
     * while none of them changes (nor the environment and CPU), it would choose the same kernel.
     * With SUPERMIN_KERNEL, that image and the modules directory; otherwise the directories
     * listed (lib/modules, each of its entries, boot), the chosen image and its modules directory.
     */
    public List<Path> watchedPaths(Kernel chosen) throws KernelException {
        List<Path> paths = new ArrayList<>();
        if (env(ENV_KERNEL) == null) {
            Path modules = root.resolve("lib/modules");
            paths.add(modules);
            paths.addAll(list(modules));
            paths.add(root.resolve("boot"));
        }
        paths.add(chosen.image());
        paths.add(chosen.modulesDir());
        return paths;
    }

    private Kernel forcedKernel(Path image) throws KernelException {
        if (!Files.isRegularFile(image)) {
            throw new KernelException(ENV_KERNEL + "=" + image + ": no such kernel file; unset it or point it at a vmlinuz");
        }
        String version = env(ENV_KERNEL_VERSION);
        if (version == null) {
            version = versionFromName(image.getFileName().toString()).orElse(null);
        }
        if (version == null && access.canRead(image)) {
            try {
                version = KernelImageHeader.version(image).orElse(null);
            } catch (IOException e) {
                throw new KernelException("reading the version of kernel " + image + ": " + e.getMessage(), e);
            }
        }
        if (version == null) {
            throw new KernelException("cannot tell the version of kernel " + image + "; set " + ENV_KERNEL_VERSION);
        }
        return new Kernel(version, image, modulesDir(version));
    }

    private Kernel bestInstalled() throws KernelException {
        List<String> skipped = new ArrayList<>();
        List<Kernel> fromModules = new ArrayList<>();
        for (Path dir : list(root.resolve("lib/modules"))) {
            Path image = dir.resolve("vmlinuz");
            if (Files.isRegularFile(image) && suitable(dir.getFileName().toString(), skipped)) {
                fromModules.add(new Kernel(dir.getFileName().toString(), image, modulesDir(dir.getFileName().toString())));
            }
        }
        List<Kernel> fromBoot = new ArrayList<>();
        for (Path image : list(root.resolve("boot"))) {
            String name = image.getFileName().toString();
            if (name.startsWith("vmlinuz-") && Files.isRegularFile(image) && suitable(name, skipped)) {
                String version = name.substring("vmlinuz-".length());
                fromBoot.add(new Kernel(version, image, modulesDir(version)));
            }
        }
        Optional<Kernel> best = newest(fromModules);
        if (best.isEmpty()) {
            best = newest(fromBoot);
        }
        if (best.isEmpty()) {
            String rootText = root.toString().equals("/") ? "" : root.toString();
            throw new KernelException("no kernel found in " + rootText + "/boot or " + rootText + "/lib/modules"
                    + (skipped.isEmpty() ? "" : " (not suitable for " + hostCpu + ": " + String.join(", ", skipped) + ")")
                    + "; install linux-image-amd64 (or your distribution's kernel package) or set " + ENV_KERNEL);
        }
        return best.get();
    }

    /** The newest kernel having modules; the newest of all when none has them (locate reports it). */
    private static Optional<Kernel> newest(List<Kernel> kernels) {
        Kernel newest = null;
        Kernel newestWithModules = null;
        for (Kernel k : kernels) {
            if (newest == null || NaturalVersionOrder.INSTANCE.compare(k.version(), newest.version()) > 0) {
                newest = k;
            }
            if (Files.isDirectory(k.modulesDir()) && (newestWithModules == null
                    || NaturalVersionOrder.INSTANCE.compare(k.version(), newestWithModules.version()) > 0)) {
                newestWithModules = k;
            }
        }
        return Optional.ofNullable(newestWithModules != null ? newestWithModules : newest);
    }

    private boolean suitable(String name, List<String> skipped) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : UNBOOTABLE) {
            if (lower.contains(word)) {
                skipped.add(name);
                return false;
            }
        }
        if (!CpuNames.suits(name, hostCpu)) {
            skipped.add(name);
            return false;
        }
        return true;
    }

    private Path modulesDir(String version) {
        String modules = env(ENV_MODULES);
        return modules != null ? Path.of(modules) : root.resolve("lib/modules").resolve(version);
    }

    static Optional<String> versionFromName(String fileName) {
        if (fileName.startsWith("vmlinuz-") && fileName.length() > "vmlinuz-".length()
                && Character.isDigit(fileName.charAt("vmlinuz-".length()))) {
            return Optional.of(fileName.substring("vmlinuz-".length()));
        }
        return Optional.empty();
    }

    private String env(String name) {
        String v = environment.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /** The entries of a directory sorted by name; empty when it does not exist. */
    private static List<Path> list(Path dir) throws KernelException {
        List<Path> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                entries.add(p);
            }
        } catch (IOException e) {
            throw new KernelException("listing " + dir + " while looking for a kernel: " + e.getMessage(), e);
        }
        entries.sort(BY_NAME);
        return entries;
    }

    private static boolean opens(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() >= -1;
        } catch (AccessDeniedException e) {
            return false;
        } catch (IOException e) {
            return true; // another problem: reported with its own words when the kernel is read
        }
    }
}
