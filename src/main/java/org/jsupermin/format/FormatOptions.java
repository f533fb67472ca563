package org.jsupermin.format;

import java.nio.file.Path;
import java.util.Map;

import org.jsupermin.util.Reporter;

/**
 * What a format needs besides the tree.
 *
 * @param root the root the appliance's host files come from ("/" or --root)
 * @param sizeBytes ext2 image size (--size), or 0 for the default
 * @param hostCpu --host-cpu, or null for the host's
 * @param copyKernel --copy-kernel
 * @param sourceDateEpoch SOURCE_DATE_EPOCH, or null
 * @param environment the process environment (SUPERMIN_KERNEL, SUPERMIN_MODULES, …)
 * @param compression tar compression: "none", "gzip", "xz", "zstd", or null to choose by file name
 * @param reporter where progress and warnings go
 */
public record FormatOptions(Path root, long sizeBytes, String hostCpu, boolean copyKernel, Long sourceDateEpoch,
                            Map<String, String> environment, String compression, Reporter reporter) {
}
