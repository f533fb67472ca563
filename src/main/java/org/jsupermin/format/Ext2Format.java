package org.jsupermin.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsupermin.ext2.Ext2Exception;
import org.jsupermin.format.kernel.Kernel;
import org.jsupermin.format.kernel.KernelException;
import org.jsupermin.format.kernel.KernelLocator;
import org.jsupermin.util.Sizes;

/**
 * {@code -f ext2}: supermin's appliance directory holding {@code kernel} (a symlink to the host's
 * kernel, or a copy with --copy-kernel), {@code initrd} (modules to reach the root disk and a
 * small /init) and {@code root} (a sparse ext2 image of the tree). Its early start
 * ({@link Ext2Start}) chooses the kernel before anything is read and, once the build will write,
 * copies the modules and the packages' files into the image and writes the initrd meanwhile;
 * this finishes the image.
 */
public final class Ext2Format implements OutputFormat {

    /** The image's size, as supermin spells it (512M, 32G, 10737418240b). */
    public static final String SIZE = "--size";
    /** The CPU the kernel is chosen for. */
    public static final String HOST_CPU = "--host-cpu";
    /** Copy the kernel into the output instead of symlinking it. */
    public static final String COPY_KERNEL = "--copy-kernel";
    /** supermin's default image size. */
    public static final long DEFAULT_SIZE = 4L << 30;

    @Override
    public String name() {
        return "ext2";
    }

    @Override
    public OutputShape shape() {
        return OutputShape.FILES;
    }

    @Override
    public List<String> fileNames() {
        return List.of("kernel", "initrd", "root");
    }

    @Override
    public List<String> optionNames() {
        return List.of(SIZE, HOST_CPU, COPY_KERNEL);
    }

    @Override
    public void check(FormatOptions options) throws FormatException {
        size(options);
    }

    /** The kernel's choice depends on the machine and on these variables besides files. */
    @Override
    public List<String> stampKey(Map<String, String> environment) {
        List<String> key = new ArrayList<>();
        key.add("arch=" + System.getProperty("os.arch"));
        for (String name : List.of(KernelLocator.ENV_KERNEL, KernelLocator.ENV_MODULES,
                KernelLocator.ENV_KERNEL_VERSION)) {
            key.add(name + "=" + environment.get(name));
        }
        return key;
    }

    @Override
    public EarlyStart early(FormatSettings settings) throws FormatException {
        KernelLocator locator = new KernelLocator(settings.root(), settings.environment(),
                settings.options().text(HOST_CPU));
        try {
            return new Ext2Start(locator, locator.locate(), size(settings.options()), settings.epoch());
        } catch (KernelException e) {
            throw new FormatException(e.getMessage(), e);
        }
    }

    @Override
    public void write(FormatContext context, Path staging) throws IOException, FormatException {
        if (!(context.early() instanceof Ext2Start start)) {
            throw new IllegalStateException("-f ext2 writes only after its early start");
        }
        if (!start.begun()) {
            throw new IllegalStateException("-f ext2 writes only after its early start has begun in " + staging);
        }
        Kernel kernel = start.kernel();
        Ext2Prelude prelude = start.prelude();
        Path kernelOut = staging.resolve("kernel");
        if (context.options().has(COPY_KERNEL)) {
            Files.copy(kernel.image(), kernelOut, StandardCopyOption.COPY_ATTRIBUTES);
        } else {
            Files.createSymbolicLink(kernelOut, kernel.image().toAbsolutePath());
        }
        context.reporter().info(1, "kernel " + kernel.version() + " (" + kernel.image() + ")");
        try {
            Ext2RootImage.write(context.tree(), start.sizeBytes(), prelude.timestamp(), staging.resolve("root"),
                    context.reporter(), prelude.preload());
        } catch (Ext2Exception e) {
            throw new FormatException(e.getMessage(), e);
        } finally {
            prelude.cancel();
        }
        prelude.awaitInitrd();
    }

    /** The --size value, or supermin's default; a bad one is a one-line error, like supermin's. */
    static long size(FormatOptions options) throws FormatException {
        String text = options.text(SIZE);
        if (text == null) {
            return DEFAULT_SIZE;
        }
        try {
            return Sizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw new FormatException(SIZE + " " + text + ": " + e.getMessage());
        }
    }
}
