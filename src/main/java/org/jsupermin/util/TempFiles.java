package org.jsupermin.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Temporary files beside a target, safe in a directory others can write to: each name carries 64
 * random bits, so it cannot be prepared in advance as a symlink, and each file is created
 * exclusively, never through an existing name (a symlink included).
 */
public final class TempFiles {

    private static final Path URANDOM = Path.of("/dev/urandom");

    private TempFiles() {
    }

    /**
     * 16 random hexadecimal digits. Read from the kernel's random source rather than from
     * {@link SecureRandom}, whose first use initialises the security providers in a fresh JVM.
     */
    public static String randomName() throws IOException {
        byte[] bytes = new byte[8];
        try (InputStream in = Files.newInputStream(URANDOM)) {
            if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) {
                throw new IOException("short read from " + URANDOM);
            }
        } catch (IOException e) {
            new SecureRandom().nextBytes(bytes);
        }
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Replaces {@code target} with {@code content} atomically: written to a new file in its
     * directory, named {@code .<target name>.<tag>-<random>}, created exclusively without
     * following symlinks, then renamed over {@code target}.
     */
    public static void replace(Path target, byte[] content, String tag) throws IOException {
        Path abs = target.toAbsolutePath();
        for (int attempt = 0; ; attempt++) {
            Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + tag + "-" + randomName());
            FileChannel out;
            try {
                out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (FileAlreadyExistsException e) {
                if (attempt < 3) {
                    continue;
                }
                throw e;
            }
            try {
                try (out) {
                    ByteBuffer b = ByteBuffer.wrap(content);
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                }
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        }
    }

    /**
     * A new temporary file in {@code dir}, created exclusively under a random name that is removed
     * at once: the file lives as long as the returned channel (open for reading and writing), and
     * nothing is left behind whatever ends the process.
     */
    public static FileChannel openUnnamed(Path dir, String tag) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + tag + "-" + randomName());
            FileChannel channel;
            try {
                channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            } catch (FileAlreadyExistsException e) {
                if (attempt < 3) {
                    continue;
                }
                throw e;
            }
            try {
                Files.delete(tmp);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return channel;
        }
    }
}
