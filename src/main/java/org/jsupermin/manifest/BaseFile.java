package org.jsupermin.manifest;

/**
 * A file for the base image that {@code --prepare} writes.
 *
 * @param path absolute path ("/etc/bash.bashrc")
 * @param mode permission bits
 * @param symlinkTarget the target when it is a symlink, else null
 * @param content the bytes of a regular file
 */
public record BaseFile(String path, int mode, String symlinkTarget, byte[] content) {
}
