package org.jsupermin.packaging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Builds jsupermin's .deb and .rpm from a packaged project (target/jsupermin.jar and target/lib):
 * generates the gzipped manual page and the completion scripts, lays out the files and hands
 * them to {@link DebPackager} and {@link RpmPackager}. Run by {@code mvn -Ppackages package}.
 */
public final class PackagesBuilder {

    private PackagesBuilder() {
    }

    /** The two packages written. */
    public record Packages(Path deb, Path rpm) {
    }

    /**
     * Arguments: project directory, build directory, project version, output timestamp
     * (ISO-8601 or seconds), description. Writes the packages to BUILD/packages/.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: PackagesBuilder BASEDIR BUILDDIR VERSION TIMESTAMP DESCRIPTION");
        }
        Path build = Path.of(args[1]);
        PackageMetadata meta = PackageMetadata.of(args[2], args[4], timestampMillis(args[3]));
        build(Path.of(args[0]), build.resolve("jsupermin.jar"), meta, build.resolve("packaging"), build.resolve("packages"));
    }

    /** Builds both packages of {@code jar} into {@code outDir}, using {@code workDir} for generated files. */
    public static Packages build(Path projectDir, Path jar, PackageMetadata meta, Path workDir, Path outDir)
            throws IOException {
        Files.createDirectories(workDir);
        Files.createDirectories(outDir);
        Path man = gzip(projectDir.resolve("man/supermin.1"), workDir.resolve("supermin.1.gz"));
        Path bash = write(workDir.resolve("supermin.bash-completion"), Completions.bash());
        Path zsh = write(workDir.resolve("_supermin"), Completions.zsh());
        InstallLayout.Inputs inputs = new InstallLayout.Inputs(jar, projectDir.resolve("bin/supermin"), man, bash, zsh);
        Path deb = DebPackager.write(meta, InstallLayout.entries(inputs, DebPackager.ZSH_DIR), workDir, outDir);
        Path rpm = RpmPackager.write(meta, withFixedTimes(InstallLayout.entries(inputs, RpmPackager.ZSH_DIR),
                workDir.resolve("rpm-files"), meta.timestampMillis()), outDir);
        return new Packages(deb, rpm);
    }

    /** Maven's project.build.outputTimestamp: ISO-8601 or seconds since 1970. */
    static long timestampMillis(String value) {
        if (value.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(value) * 1000;
        }
        return Instant.parse(value).toEpochMilli();
    }

    /** Redline takes file times from the files: copies with the fixed time. */
    private static List<InstallEntry> withFixedTimes(List<InstallEntry> entries, Path dir, long mtimeMillis)
            throws IOException {
        Files.createDirectories(dir);
        List<InstallEntry> out = new ArrayList<>();
        for (InstallEntry e : entries) {
            if (e.kind() == InstallEntry.Kind.FILE) {
                Path copy = dir.resolve(e.path().substring(1).replace('/', '_'));
                Files.copy(e.source(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.setLastModifiedTime(copy, FileTime.fromMillis(mtimeMillis));
                out.add(InstallEntry.file(e.path(), copy, e.mode()));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static Path gzip(Path source, Path target) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            Files.copy(source, out);
        }
        return target;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
