package org.jsupermin.tree;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a regular file's bytes come from: a file under the root, or bytes held in memory. */
public sealed interface ContentSource {

    /** Opens the content for reading. */
    InputStream open() throws IOException;

    /** A human-readable origin for messages. */
    String describe();

    /** A file on the host (under the root): streamed, never held in memory. */
    record HostFile(Path path) implements ContentSource {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** Bytes in memory: config files from a base image, generated files. */
    record Bytes(byte[] data, String origin) implements ContentSource {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(data);
        }

        @Override
        public String describe() {
            return origin;
        }
    }
}
