package org.jsupermin.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jsupermin.format.FormatOptions;

/**
 * What to build ({@code supermin --build}).
 *
 * @param inputs the supermin appliance's files and directories
 * @param format the {@code -f} value, a name in the {@link FormatRegistry}
 * @param output the output directory or file; null when the output goes to a stream
 *     ({@link Appliances#build(BuildRequest, java.io.OutputStream, org.jsupermin.util.Reporter)})
 *     or nothing is written ({@code resolveOnly})
 * @param root the root whose package database and files make the appliance ("/" or --root)
 * @param formatOptions the values of the format's own options (--size, --compression, …)
 * @param lock a file to hold an exclusive lock on for the whole build, or null
 * @param ifNewer build only when the output is missing or anything that decides it changed
 * @param includePackagelist add /packagelist
 * @param minimize leave out documentation, manual pages and translations
 * @param locales with {@code minimize}: the translations kept
 * @param sizeReport count the bytes each package and each exclusion rule contributes
 * @param resolveOnly stop after resolving the packages (--explain): nothing is written
 * @param resolutionWanted resolve even when {@code ifNewer} could tell the output is up to date
 *     without (--graph)
 * @param environment the environment: SOURCE_DATE_EPOCH, SUPERMIN_KERNEL, …
 * @param sbom where to write the SBOM of the appliance's packages ({@code --sbom}), or null
 */
public record BuildRequest(List<Path> inputs, String format, Path output, Path root, FormatOptions formatOptions,
                           Path lock, boolean ifNewer, boolean includePackagelist, boolean minimize,
                           List<String> locales, boolean sizeReport, boolean resolveOnly, boolean resolutionWanted,
                           Map<String, String> environment, SbomOutput sbom) {

    public BuildRequest {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(root, "root");
        formatOptions = formatOptions == null ? FormatOptions.NONE : formatOptions;
        locales = List.copyOf(locales);
        environment = Map.copyOf(environment);
    }

    /**
     * A build of {@code inputs} in {@code format} to {@code output}, from this host's root, with the
     * process environment and no other option.
     */
    public static BuildRequest of(List<Path> inputs, String format, Path output) {
        return new BuildRequest(inputs, format, output, Path.of("/"), FormatOptions.NONE, null, false, false, false,
                List.of(), false, false, false, System.getenv(), null);
    }

    /** This request reading {@code dir}'s package database and files instead of /. */
    public BuildRequest withRoot(Path dir) {
        return new BuildRequest(inputs, format, output, dir, formatOptions, lock, ifNewer, includePackagelist,
                minimize, locales, sizeReport, resolveOnly, resolutionWanted, environment, sbom);
    }

    /** This request with these format options. */
    public BuildRequest withFormatOptions(FormatOptions options) {
        return new BuildRequest(inputs, format, output, root, options, lock, ifNewer, includePackagelist,
                minimize, locales, sizeReport, resolveOnly, resolutionWanted, environment, sbom);
    }

    /** This request building only when needed ({@code --if-newer}). */
    public BuildRequest withIfNewer(boolean newer) {
        return new BuildRequest(inputs, format, output, root, formatOptions, lock, newer, includePackagelist,
                minimize, locales, sizeReport, resolveOnly, resolutionWanted, environment, sbom);
    }

    /** This request with this environment (SOURCE_DATE_EPOCH, SUPERMIN_KERNEL, …). */
    public BuildRequest withEnvironment(Map<String, String> env) {
        return new BuildRequest(inputs, format, output, root, formatOptions, lock, ifNewer, includePackagelist,
                minimize, locales, sizeReport, resolveOnly, resolutionWanted, env, sbom);
    }

    /** This request also writing the SBOM of its packages ({@code --sbom}); null for none. */
    public BuildRequest withSbom(SbomOutput document) {
        return new BuildRequest(inputs, format, output, root, formatOptions, lock, ifNewer, includePackagelist,
                minimize, locales, sizeReport, resolveOnly, resolutionWanted, environment, document);
    }
}
