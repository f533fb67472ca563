package org.jsupermin.oci;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsupermin.format.FormatContext;
import org.jsupermin.format.FormatException;
import org.jsupermin.format.FormatOptions;
import org.jsupermin.format.OutputFormat;
import org.jsupermin.format.OutputShape;
import org.jsupermin.format.TarFormat;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.push.PushException;
import org.jsupermin.push.PushOptions;
import org.jsupermin.sbom.SbomFormat;
import org.jsupermin.tree.ApplianceTree;
import org.jsupermin.util.FileTrees;
import org.jsupermin.util.SourceDateEpoch;

/**
 * {@code --format oci}: an OCI image of the appliance, with no daemon. {@code -o DIR} writes an
 * OCI image layout; {@code -o FILE.tar} and {@code -o -} one tar that is both a layout and a
 * docker-archive. The configuration comes from the Dockerfile-like options, the layers from
 * {@code --layers} (split by source package); the same input gives the same image digest.
 * Compressed layers are kept in a {@link LayerCache} between builds unless {@code --no-cache}.
 */
public final class OciFormat implements OutputFormat {

    public static final String LAYERS = "--layers";
    public static final String TAG = "--tag";
    public static final String HOST_CPU = "--host-cpu";
    public static final String NO_CACHE = "--no-cache";
    /**
     * What zstd layers cost: Docker 20.10 (Debian 12's docker.io) refuses the whole image at
     * {@code docker load}, and umoci 0.4.7 refuses to unpack it; podman 4 reads them.
     */
    static final String ZSTD_WARNING = "zstd-compressed layers: Docker 20.10 cannot load this image (docker load"
            + " fails with \"archive/tar: invalid tar header\") and umoci 0.4.7 cannot unpack it; it needs Docker 23"
            + " or newer or podman 4 or newer; leave out --compression for gzip layers";
    /** The most layers an image is split into (registries and engines cope with far more; 127 is Docker's old limit). */
    static final int MAX_LAYERS = 100;

    @Override
    public String name() {
        return "oci";
    }

    @Override
    public OutputShape shape() {
        return OutputShape.DIRECTORY;
    }

    @Override
    public OutputShape shape(Path output) {
        return isArchive(output) ? OutputShape.FILE : OutputShape.DIRECTORY;
    }

    @Override
    public boolean streams() {
        return true;
    }

    @Override
    public boolean carriesPackageDatabase() {
        return true;
    }

    @Override
    public boolean containerImage() {
        return true;
    }

    @Override
    public List<String> optionNames() {
        List<String> names = new ArrayList<>(ImageConfigParser.OPTIONS);
        names.addAll(List.of(TarFormat.COMPRESSION, HOST_CPU, LAYERS, TAG, PushOptions.PUSH, PushOptions.INSECURE_REGISTRY));
        names.add(NO_PACKAGE_DB);
        names.add(NO_CACHE);
        names.sort(null);
        return names;
    }

    @Override
    public void check(FormatOptions options) throws FormatException {
        LayerCompression.choose(options.text(TarFormat.COMPRESSION));
        layers(options);
        tags(options);
        if (options.text(HOST_CPU) != null) {
            Platform.ofCpu(options.text(HOST_CPU));
        }
        ImageConfigParser.parse(options.values(), new Platform("amd64", null, "linux"), 0);
        pushOptions(options);
    }

    /** Whether {@code -o} names a tar (FILE.tar) rather than a layout directory. */
    static boolean isArchive(Path output) {
        Path name = output.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".tar") || n.contains(".tar.");
    }

    @Override
    public void write(FormatContext context, Path staging) throws IOException, FormatException {
        ImageRequest request = request(context);
        if (!isArchive(staging)) {
            OciImageWriter.writeLayout(request, staging, context.reporter());
            push(context, staging);
            return;
        }
        Path scratch = Files.createDirectory(staging.resolveSibling(staging.getFileName() + ".blobs"));
        try (FileChannel channel = FileChannel.open(staging, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(channel)) {
            OciImageWriter.writeArchive(request, out, channel, scratch, context.reporter());
            push(context, scratch.resolve("layout"));
        } finally {
            FileTrees.deleteRecursively(scratch);
        }
    }

    @Override
    public void writeTo(FormatContext context, OutputStream out) throws IOException, FormatException {
        ImageRequest request = request(context);
        Path scratch = Files.createTempDirectory("jsupermin-oci");
        try {
            OciImageWriter.writeArchive(request, out, scratch, context.reporter());
            push(context, scratch.resolve("layout"));
        } finally {
            FileTrees.deleteRecursively(scratch);
        }
    }

    /**
     * Pushes the layout just written to each {@code --push} target, before the build puts the
     * output in place: a failed push fails the build and leaves the previous output.
     */
    private static void push(FormatContext context, Path layout) throws OciException {
        PushOptions push = pushOptions(context.options());
        if (!push.any()) {
            return;
        }
        try {
            push.pushAll(layout, context.environment(), context.reporter());
        } catch (PushException e) {
            throw new OciException(e.getMessage(), e);
        }
    }

    private static PushOptions pushOptions(FormatOptions options) throws OciException {
        try {
            return PushOptions.from(options.values());
        } catch (IllegalArgumentException e) {
            throw new OciException(e.getMessage(), e);
        }
    }

    private ImageRequest request(FormatContext context) throws IOException, FormatException {
        FormatOptions options = context.options();
        long epoch = context.epoch() == null ? SourceDateEpoch.DEFAULT : context.epoch();
        LayerCompression compression = LayerCompression.choose(options.text(TarFormat.COMPRESSION));
        if (compression == LayerCompression.ZSTD) {
            context.reporter().warning(ZSTD_WARNING);
        }
        ImageConfig config = ImageConfigParser.parse(options.values(), platform(context), epoch);
        ApplianceTree tree = context.tree();
        List<String> tags = tags(options);
        List<Referrer> referrers = new ArrayList<>();
        SbomFormat sbom = SbomFormat.named(options.text(SBOM_FORMAT));
        byte[] document = context.sbomDocument();
        if (sbom != null && document != null) {
            // the file is in the tree already (see contents)
            referrers.add(new Referrer(sbom.mediaType(), document));
        }
        int layers = layers(options);
        LayerPlan plan = LayerPlanner.plan(tree, owners(context, tree, layers), layers);
        LayerCache cache = options.has(NO_CACHE) ? null : LayerCache.open(context.environment(), context.reporter());
        return new ImageRequest(plan, config, compression, tags, referrers, cache);
    }

    private static Platform platform(FormatContext context) throws OciException {
        String cpu = context.options().text(HOST_CPU);
        if (cpu == null && context.database() != null) {
            cpu = context.database().nativeArch();
        }
        return Platform.ofCpu(cpu != null ? cpu : System.getProperty("os.arch"));
    }

    /**
     * The owners of the tree's paths, from the file lists the tree was built from; none for one
     * layer, which is the whole tree whoever owns what.
     */
    private static PackageOwners owners(FormatContext context, ApplianceTree tree, int layers) throws FormatException {
        PackageDatabase db = context.database();
        if (layers <= 1 || db == null || context.resolution() == null || context.packageFiles() == null
                || context.details() == null) {
            return PackageOwners.of(Map.of(), Map.of());
        }
        List<InstalledPackage> closure = context.resolution().closure();
        try {
            return PackageOwners.of(tree, closure, context.packageFiles(), context.details().get());
        } catch (PackageDatabaseException e) {
            throw new OciException("splitting the image into layers: " + e.getMessage(), e);
        }
    }

    /** The appliance with the {@code --sbom} document under {@value ImageSbom#DIR}, when there is one. */
    @Override
    public ApplianceTree contents(FormatContext context) throws IOException, FormatException {
        SbomFormat sbom = SbomFormat.named(context.options().text(SBOM_FORMAT));
        byte[] document = context.sbomDocument();
        if (sbom == null || document == null) {
            return context.tree();
        }
        long epoch = context.epoch() == null ? SourceDateEpoch.DEFAULT : context.epoch();
        return ImageSbom.withFile(context.tree(), ImageSbom.path(sbom, ImageSbom.name(tags(context.options()))), document,
                epoch);
    }

    /** The image's name (its first tag's, without registry and tag) when it is tagged. */
    @Override
    public String sbomName(FormatOptions options) throws FormatException {
        List<String> tags = tags(options);
        return tags.isEmpty() ? null : ImageSbom.name(tags);
    }

    static int layers(FormatOptions options) throws OciException {
        String v = options.text(LAYERS);
        if (v == null) {
            return 1;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1 && n <= MAX_LAYERS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new OciException("--layers '" + v + "' is not valid: give a number of layers from 1 to " + MAX_LAYERS);
    }

    static List<String> tags(FormatOptions options) throws OciException {
        List<String> tags = new ArrayList<>();
        for (String t : options.list(TAG)) {
            String full = ImageTag.normalize(t);
            if (!tags.contains(full)) {
                tags.add(full);
            }
        }
        return tags;
    }
}
