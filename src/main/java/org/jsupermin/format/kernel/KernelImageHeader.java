package org.jsupermin.format.kernel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the release string an x86 bzImage carries in its boot header: the header starts with
 * "HdrS" at 0x202, and the 16-bit word at 0x20E points (from 0x200) to a text such as
 * "6.1.0-56-amd64 (debian-kernel@lists.debian.org) #1 SMP ...".
 */
public final class KernelImageHeader {

    private static final int MAGIC_OFFSET = 0x202;
    private static final int VERSION_POINTER_OFFSET = 0x20E;
    private static final int POINTER_BASE = 0x200;
    private static final int MAX_VERSION_LENGTH = 256;

    private KernelImageHeader() {
    }

    /** The release (first word of the version text), or empty when the file is no bzImage. */
    public static Optional<String> version(Path image) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(image)) {
            ByteBuffer head = read(ch, 0, VERSION_POINTER_OFFSET + 2);
            if (head.limit() < VERSION_POINTER_OFFSET + 2) {
                return Optional.empty();
            }
            byte[] magic = new byte[4];
            head.get(MAGIC_OFFSET, magic);
            if (!"HdrS".equals(new String(magic, StandardCharsets.US_ASCII))) {
                return Optional.empty();
            }
            int pointer = Short.toUnsignedInt(head.order(ByteOrder.LITTLE_ENDIAN).getShort(VERSION_POINTER_OFFSET));
            if (pointer == 0) {
                return Optional.empty();
            }
            ByteBuffer text = read(ch, POINTER_BASE + pointer, MAX_VERSION_LENGTH);
            StringBuilder release = new StringBuilder();
            while (text.hasRemaining()) {
                int b = text.get() & 0xff;
                if (b == 0 || b == ' ') {
                    break;
                }
                if (b < 0x21 || b > 0x7e) {
                    return Optional.empty();
                }
                release.append((char) b);
            }
            if (release.isEmpty() || !Character.isDigit(release.charAt(0))) {
                return Optional.empty();
            }
            return Optional.of(release.toString());
        }
    }

    private static ByteBuffer read(SeekableByteChannel ch, long offset, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        ch.position(offset);
        while (buf.hasRemaining() && ch.read(buf) > 0) {
            // keep reading
        }
        buf.flip();
        return buf;
    }
}
