package org.jsupermin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/** Runs {@code supermin --root R} prepare and builds and reads what they wrote, for the --root ITs. */
public final class RootAppliance {

    private final Path root;
    private final Path work;

    /** Appliances of {@code root}, written under {@code work}. */
    public RootAppliance(Path root, Path work) {
        this.root = root;
        this.work = work;
    }

    /** {@code --prepare packages --packages-from from -o work/name.d}. */
    public Path prepare(String name, Path packagesFrom, String... packages) {
        Path d = work.resolve(name + ".d");
        List<String> args = new java.util.ArrayList<>(List.of("--root", root.toString(), "--prepare"));
        args.addAll(List.of(packages));
        if (packagesFrom != null) {
            args.addAll(List.of("--packages-from", packagesFrom.toString()));
        }
        args.addAll(List.of("-o", d.toString()));
        Tools.jsupermin(args.toArray(String[]::new)).orFail("prepare " + List.of(packages));
        return d;
    }

    /** {@code --build -f FORMAT --include-packagelist d -o work/name}. */
    public Path build(Path d, String format, String name) {
        Path out = work.resolve(name);
        Tools.jsupermin("--root", root.toString(), "--build", "-f", format, "--include-packagelist", d.toString(),
                "-o", out.toString()).orFail("build -f " + format);
        return out;
    }

    /** The members of {@code d/base.tar.gz} by absolute path. */
    public static Map<String, RawTarReader.Member> baseImage(Path d) throws IOException {
        Map<String, RawTarReader.Member> members = new TreeMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(d.resolve("base.tar.gz")))) {
            for (RawTarReader.Member m : RawTarReader.read(in)) {
                members.put("/" + m.name().replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", ""), m);
            }
        }
        return members;
    }

    /** The members of an uncompressed tar file. */
    public static List<RawTarReader.Member> tar(Path tar) throws IOException {
        try (InputStream in = Files.newInputStream(tar)) {
            return RawTarReader.read(in);
        }
    }
}
