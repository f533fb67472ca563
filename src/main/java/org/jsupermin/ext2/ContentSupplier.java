package org.jsupermin.ext2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a regular file's content; the stream is read once, front to back, and closed. */
@FunctionalInterface
public interface ContentSupplier {

    /** Opens a fresh stream over the content. */
    InputStream open() throws IOException;

    /**
     * The file holding exactly this content, when there is one: the writer may then copy it
     * file to file inside the kernel instead of streaming it. Null by default.
     */
    default Path file() {
        return null;
    }

    /** The content of a file, copied file to file when the writer can. */
    static ContentSupplier ofFile(Path file) {
        return new ContentSupplier() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public Path file() {
                return file;
            }
        };
    }
}
