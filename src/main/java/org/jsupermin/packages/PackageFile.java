package org.jsupermin.packages;

/**
 * A file a package owns.
 *
 * @param path the absolute path inside the appliance ("/usr/bin/bash")
 * @param sourcePath the absolute path under the root to read it from: differs from {@code path}
 *     when another package diverted it (dpkg-divert) and this package's copy lives elsewhere
 * @param config whether the package marks it a config file
 * @param metadata what the database records of the file (rpm does; dpkg does not: null)
 */
public record PackageFile(String path, String sourcePath, boolean config, FileMetadata metadata) {

    /** Whether another package diverted this file. */
    public boolean diverted() {
        return !path.equals(sourcePath);
    }
}
