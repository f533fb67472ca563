package org.jsupermin.format;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import org.jsupermin.util.Reporter;

/**
 * What a format knows of its build before any package is read.
 *
 * @param root the root the appliance's host files come from ("/" or --root)
 * @param environment the process environment (SUPERMIN_KERNEL, …)
 * @param options the format-specific options' values
 * @param epoch the timestamp entries are clamped to (SOURCE_DATE_EPOCH or the fixed default),
 *     or null when they keep the host's (see {@link OutputFormat#keepsHostTimes()})
 * @param reporter where progress and warnings go
 */
public record FormatSettings(Path root, Map<String, String> environment, FormatOptions options, Long epoch,
                             Reporter reporter) {

    public FormatSettings {
        Objects.requireNonNull(root, "root");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(options, "options");
        reporter = reporter == null ? Reporter.SILENT : reporter;
    }

    /** Settings for a tree alone: root "/", no environment, no epoch (tests, library use). */
    public static FormatSettings of(FormatOptions options, Reporter reporter) {
        return new FormatSettings(Path.of("/"), Map.of(), options, null, reporter);
    }
}
