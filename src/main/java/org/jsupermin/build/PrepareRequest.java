package org.jsupermin.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to prepare ({@code supermin --prepare}).
 *
 * @param packages the packages requested by name
 * @param output the supermin appliance directory to write (replaced atomically); null with
 *     {@code resolveOnly}
 * @param root the root whose package database is read ("/" or --root)
 * @param useInstalled take config files from the installed system instead of the package archives
 * @param packagesFrom a directory searched first for package files, or null
 * @param resolveOnly stop after resolving (--explain): nothing is written
 * @param environment the environment: SOURCE_DATE_EPOCH
 */
public record PrepareRequest(List<String> packages, Path output, Path root, boolean useInstalled, Path packagesFrom,
                             boolean resolveOnly, Map<String, String> environment) {

    public PrepareRequest {
        packages = List.copyOf(packages);
        Objects.requireNonNull(root, "root");
        environment = Map.copyOf(environment);
    }

    /** Preparing {@code packages} of this host into {@code output}, with the process environment. */
    public static PrepareRequest of(List<String> packages, Path output) {
        return new PrepareRequest(packages, output, Path.of("/"), false, null, false, System.getenv());
    }

    /** This request reading {@code dir}'s package database instead of /'s. */
    public PrepareRequest withRoot(Path dir) {
        return new PrepareRequest(packages, output, dir, useInstalled, packagesFrom, resolveOnly, environment);
    }

    /** This request taking config files from the installed system ({@code --use-installed}). */
    public PrepareRequest withUseInstalled(boolean installed) {
        return new PrepareRequest(packages, output, root, installed, packagesFrom, resolveOnly, environment);
    }
}
