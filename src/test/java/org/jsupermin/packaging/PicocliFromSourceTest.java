package org.jsupermin.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli is compiled from its sources into our classes as Java 17 bytecode, which class data
 * sharing can archive (the published jar's Java 5 bytecode is refused), and so starts faster.
 */
class PicocliFromSourceTest {

    @Test
    void picocliComesFromOurClassesDirectoryAsJava17Bytecode() throws IOException, URISyntaxException {
        Path location = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(location), "picocli loaded from " + location + ", expected target/classes");
        try (InputStream in = CommandLine.class.getResourceAsStream("CommandLine.class");
                DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readUnsignedShort();
            int major = data.readUnsignedShort();
            assertTrue(major >= 61, "class file major version " + major + ", expected 61 (Java 17) or newer");
        }
    }
}
