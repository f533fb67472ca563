package org.jsupermin.build;

import java.nio.file.Path;

import org.jsupermin.resolve.Resolution;

/**
 * What a prepare did.
 *
 * @param output the supermin appliance directory written, or null when nothing was
 * @param resolution the requested packages and their closure
 * @param configFiles config files written to base.tar.gz
 * @param elapsedNanos the time it took
 */
public record PrepareResult(Path output, Resolution resolution, int configFiles, long elapsedNanos) {
}
