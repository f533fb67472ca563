package org.jsupermin.build;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.jsupermin.packages.PackageDatabase;

import org.jsupermin.util.Reporter;

/**
 * The entry point for preparing and building appliances from Java, without the command line:
 *
 * <pre>{@code
 * Appliances appliances = Appliances.standard();
 * appliances.prepare(PrepareRequest.of(List.of("bash"), supermind), Reporter.SILENT);
 * BuildResult built = appliances.build(BuildRequest.of(List.of(supermind), "tar", image), Reporter.SILENT);
 * }</pre>
 *
 * Progress and warnings go to the {@link Reporter}; nothing is printed. Failures come as an
 * {@link IOException} (naming the file) or a {@link BuildException} whose message says what to
 * do; an {@link InvalidRequestException} is a request that cannot be carried out as given.
 */
public final class Appliances {

    private final FormatRegistry formats;
    /** What a build reads its opened package database through: null for the database itself, or a test's view of it. */
    private final UnaryOperator<PackageDatabase> databases;

    /** Builds in the formats of {@code formats}. */
    public Appliances(FormatRegistry formats) {
        this.formats = Objects.requireNonNull(formats, "formats");
        this.databases = null;
    }

    /** Builds in {@code formats}, each build reading its package database through {@code databases} (tests count reads). */
    Appliances(FormatRegistry formats, UnaryOperator<PackageDatabase> databases) {
        this.formats = Objects.requireNonNull(formats, "formats");
        this.databases = Objects.requireNonNull(databases, "databases");
    }

    /** Builds in jsupermin's own formats. */
    public static Appliances standard() {
        return new Appliances(FormatRegistry.standard());
    }

    /** The formats this builds in. */
    public FormatRegistry formats() {
        return formats;
    }

    /** Builds {@code request} into its output directory or file (or only resolves, see {@link BuildRequest#resolveOnly()}). */
    public BuildResult build(BuildRequest request, Reporter reporter) throws IOException, BuildException {
        try {
            return ApplianceBuild.run(request, formats, databases, null, reporter);
        } catch (Exception e) {
            throw failure(e);
        }
    }

    /**
     * Builds {@code request} into {@code out} (flushed, not closed), for formats that can stream
     * ({@code -o -}); the request's output is not used.
     */
    public BuildResult build(BuildRequest request, OutputStream out, Reporter reporter)
            throws IOException, BuildException {
        Objects.requireNonNull(out, "out");
        try {
            return ApplianceBuild.run(request, formats, databases, out, reporter);
        } catch (Exception e) {
            throw failure(e);
        }
    }

    /** Prepares {@code request}: the supermin appliance directory (packages, base.tar.gz). */
    public PrepareResult prepare(PrepareRequest request, Reporter reporter) throws IOException, BuildException {
        try {
            return Preparation.run(request, reporter == null ? Reporter.SILENT : reporter);
        } catch (Exception e) {
            throw failure(e);
        }
    }

    /**
     * Throws {@code e} as what {@code build} and {@code prepare} promise: I/O, build and unchecked
     * failures as they are, the other areas' exceptions as build failures. Never returns; the
     * return type lets a caller write {@code throw failure(e)}.
     */
    private static RuntimeException failure(Exception e) throws IOException, BuildException {
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof BuildException b) {
            throw b;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        throw new BuildException(e.getMessage() != null ? e.getMessage() : e.toString(), e);
    }
}
