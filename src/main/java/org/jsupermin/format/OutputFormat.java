package org.jsupermin.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsupermin.tree.ApplianceTree;

/**
 * One {@code --format} value: what it writes and how, declared in one class. A format writes the
 * tree into a staging path beside the final output; the build renames it into place, so a format
 * never touches the previous output. Formats hold no state of their own between builds: what one
 * build needs early (the kernel of an ext2 appliance) lives in its {@link EarlyStart}.
 */
public interface OutputFormat {

    /** The {@code -f} value: "chroot", "ext2", "tar". */
    String name();

    /** What {@code -o} names: a directory, a file, or a directory of named files. */
    OutputShape shape();

    /**
     * What {@code -o output} names: {@link #shape()}, unless the format tells by the name (an
     * image: a layout directory, or one archive for a name ending in ".tar").
     */
    default OutputShape shape(Path output) {
        return shape();
    }

    /** The files a directory of {@link OutputShape#FILES} holds, which {@code --if-newer} must find. */
    default List<String> fileNames() {
        return List.of();
    }

    /** Whether {@code -o -} (standard output) works: then {@link #writeTo} does. */
    default boolean streams() {
        return false;
    }

    /**
     * The timestamp rule: true when entries keep the host's modification times unless
     * SOURCE_DATE_EPOCH is set (a directory), false when they are clamped to SOURCE_DATE_EPOCH
     * or the fixed default (archives and images, reproducible even when the host's mtimes move).
     */
    default boolean keepsHostTimes() {
        return false;
    }

    /**
     * Set by the build among a format's options when {@code --sbom} asks for an SBOM, to its
     * format ("spdx", "cyclonedx"): an image carries the document too.
     */
    String SBOM_FORMAT = "--sbom-format";

    /**
     * The name the {@code --sbom} document gives what it describes when this format has one of
     * its own (an image's tag), or null for the build's default (the output's file name).
     */
    default String sbomName(FormatOptions options) throws FormatException {
        return null;
    }

    /**
     * What the output holds: the context's tree, or that tree with the files the format adds of
     * its own (an image's copy of the SBOM). The build writes the result and counts its files.
     */
    default ApplianceTree contents(FormatContext context) throws IOException, FormatException {
        return context.tree();
    }

    /** The option that leaves the package database out of an output that {@linkplain #carriesPackageDatabase carries one}. */
    String NO_PACKAGE_DB = "--no-package-db";

    /**
     * Whether the output carries the package database of exactly its packages (dpkg's status and
     * file lists, apk's installed database, pacman's local one), so that the distribution's tools
     * and scanners in the image see them: the build adds it to the tree unless
     * {@value #NO_PACKAGE_DB} is given, which such a format lists among its {@link #optionNames()}.
     */
    default boolean carriesPackageDatabase() {
        return false;
    }

    /**
     * Whether the output is a container image, which a Dockerfile's RUN and USER, and docker run,
     * use: the build warns when it lacks /bin/sh, /etc/passwd or /etc/group.
     */
    default boolean containerImage() {
        return false;
    }

    /**
     * The format's own options by their long names ("--size"): their values reach the format
     * through {@link FormatOptions}; given with another format, they are ignored with a warning.
     */
    default List<String> optionNames() {
        return List.of();
    }

    /** Checks the format's option values before anything is built; a bad one is a {@link FormatException}. */
    default void check(FormatOptions options) throws FormatException {
    }

    /**
     * What an {@code --if-newer} stamp must know about this format besides its options, told
     * without reading anything: the environment variables and host facts that decide its output,
     * as "name=value" lines.
     */
    default List<String> stampKey(Map<String, String> environment) {
        return List.of();
    }

    /**
     * Work that needs no package tree, begun before the appliance is read (for ext2: choosing the
     * kernel, then copying its modules). Null when the format has none.
     */
    default EarlyStart early(FormatSettings settings) throws IOException, FormatException {
        return null;
    }

    /**
     * Writes the appliance to {@code staging}, which does not exist yet: a directory for
     * {@link OutputShape#DIRECTORY} and {@link OutputShape#FILES} (unless the early start made
     * it), a file for {@link OutputShape#FILE}.
     */
    void write(FormatContext context, Path staging) throws IOException, FormatException;

    /** Streams the appliance to {@code out} (not closed) for {@code -o -}; only where {@link #streams()}. */
    default void writeTo(FormatContext context, OutputStream out) throws IOException, FormatException {
        throw new UnsupportedOperationException("-f " + name() + " cannot write to a stream");
    }

    /** The output and the files in it that {@code --if-newer} must find: {@code output} first. */
    default List<Path> outputFiles(Path output) {
        List<Path> files = new ArrayList<>();
        files.add(output);
        for (String name : fileNames()) {
            files.add(output.resolve(name));
        }
        return files;
    }
}
