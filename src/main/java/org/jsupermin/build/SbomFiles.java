package org.jsupermin.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.jsupermin.packages.ClosureDetails;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.resolve.Resolution;
import org.jsupermin.sbom.Sbom;
import org.jsupermin.sbom.SbomRequest;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.TempFiles;

/** The {@code --sbom} document of a build: checked before, made beside the output, written after it. */
final class SbomFiles {

    private SbomFiles() {
    }

    /** Why {@code file} cannot receive the SBOM, or null when it can. */
    static String whyNotWritable(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            return "--sbom " + shown(file) + " is a directory; give the path of a file";
        }
        if (!Files.isDirectory(parent)) {
            return "--sbom " + shown(file) + ": no directory " + shown(parent) + "; create it or give another path";
        }
        if (!Files.isWritable(parent)) {
            return "--sbom " + shown(file) + ": the directory " + shown(parent) + " is not writable; give another path";
        }
        return null;
    }

    /**
     * The document's bytes, worked out from the build's resolution, its open package database and
     * the details of its packages (read once for the build).
     */
    static Callable<byte[]> document(SbomOutput wanted, String name, Resolution resolution, PackageDatabase db,
                                     ClosureDetails details, long epoch) {
        return () -> wanted.format().bytes(Sbom.of(new SbomRequest(name, resolution, details.get(),
                db.driverName(), db.root(), epoch)));
    }

    /** Replaces the SBOM file with {@code bytes}, atomically. */
    static void write(SbomOutput wanted, byte[] bytes) throws IOException {
        try {
            TempFiles.replace(wanted.file(), bytes, "sbom");
        } catch (IOException e) {
            throw new IOException("writing the SBOM " + shown(wanted.file()) + ": " + e.getMessage(), e);
        }
    }

    /** What the SBOM names the appliance: the output's file name, else the first input's. */
    static String name(Path out, java.util.List<Path> inputs) {
        Path p = out != null ? out : inputs.isEmpty() ? null : inputs.get(0).toAbsolutePath().normalize();
        Path name = p == null ? null : p.getFileName();
        return name == null ? "appliance" : name.toString();
    }

    private static String shown(Path path) {
        return FileNames.printable(path.toString(), 80);
    }
}
