package org.jsupermin.format;

import java.nio.file.Path;

/**
 * One line a format adds to the {@code --if-newer} digest: "label=value", followed by the
 * identity (device, inode, size, times) of {@code identityOf} when it is not null, for a file
 * too big to read at every build (a kernel image).
 */
public record StampInput(String label, String value, Path identityOf) {
}
