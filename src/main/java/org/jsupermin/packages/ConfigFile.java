package org.jsupermin.packages;

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
}
