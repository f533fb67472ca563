package org.jsupermin.ext2;

import java.io.IOException;
import java.io.InputStream;

/** Opens a regular file's content; the stream is read once, front to back, and closed. */
@FunctionalInterface
public interface ContentSupplier {

    /** Opens a fresh stream over the content. */
    InputStream open() throws IOException;
}
