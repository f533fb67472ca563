package org.jsupermin.packages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A config file for the base image written by {@code --prepare}.
 *
 * @param path absolute path ("/etc/bash.bashrc")
 * @param mode permission bits (07777 mask)
 * @param symlinkTarget non-null when the config file is a symlink; then content is empty
 * @param content the file's bytes
 * @param packageName the package that owns it
 */
public record ConfigFile(String path, int mode, String symlinkTarget, byte[] content, String packageName) {

    /**
     * The config file at {@code path} as it is on {@code root} now: a symlink (mode 0777), or the
     * file's bytes with its st_mode bits under {@code permissionMask}.
     */
    public static ConfigFile installed(Path root, String path, String packageName, int permissionMask)
            throws IOException {
        Path file = root.resolve(path.substring(1));
        if (Files.isSymbolicLink(file)) {
            return new ConfigFile(path, 0777, Files.readSymbolicLink(file).toString(), new byte[0], packageName);
        }
        int mode = ((Number) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS)).intValue();
        return new ConfigFile(path, mode & permissionMask, null, Files.readAllBytes(file), packageName);
    }
}
