package org.jsupermin.packages;

import java.nio.file.Path;

/**
 * Where {@link PackageDatabase#configFiles} finds pristine config files.
 *
 * @param useInstalled take them from the root instead of from package archives
 * @param packagesFrom a directory of package files (.deb, .rpm, …) to search first, or null
 * @param allowDownload whether the host's downloader (apt-get download, dnf download) may be run
 * @param workDir a scratch directory the database may use for downloads and extraction
 */
public record ConfigFileOptions(boolean useInstalled, Path packagesFrom, boolean allowDownload, Path workDir) {
}
