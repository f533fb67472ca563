package org.jsupermin.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes tar archives member by member for tests, names given as raw bytes when needed: names
 * and link targets longer than 100 bytes, or not UTF-8, go in a PAX header (with
 * {@code hdrcharset=BINARY} for the latter, as GNU tar writes them). Nothing is checked: the
 * point is to write what a careless or hostile archive holds.
 */
public final class TestTar {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A directory member. */
    public TestTar dir(String name) {
        return member(utf8(name), '5', 0755, new byte[0], null);
    }

    /** A regular file member. */
    public TestTar file(String name, String content) {
        return member(utf8(name), '0', 0644, utf8(content), null);
    }

    /** A symlink member. */
    public TestTar symlink(String name, String target) {
        return member(utf8(name), '2', 0777, new byte[0], utf8(target));
    }

    /** A hard-link member naming an earlier member. */
    public TestTar hardLink(String name, String target) {
        return member(utf8(name), '1', 0644, new byte[0], utf8(target));
    }

    /** A regular file whose name's bytes go into the ustar header alone, as GNU tar's own format writes them. */
    public TestTar plainFile(byte[] name, String content) {
        header(name, '0', 0644, utf8(content).length, null);
        data(utf8(content));
        return this;
    }

    /** Any member, its name and link name as raw bytes. */
    public TestTar member(byte[] name, char type, int mode, byte[] content, byte[] link) {
        boolean binary = !isUtf8(name) || (link != null && !isUtf8(link));
        ByteArrayOutputStream pax = new ByteArrayOutputStream();
        if (binary) {
            record(pax, "hdrcharset", utf8("BINARY"));
        }
        if (name.length > 100 || binary) {
            record(pax, "path", name);
        }
        if (link != null && (link.length > 100 || binary)) {
            record(pax, "linkpath", link);
        }
        if (pax.size() > 0) {
            header(utf8("./PaxHeaders/x"), 'x', 0644, pax.size(), null);
            data(pax.toByteArray());
        }
        header(name, type, mode, content.length, link);
        data(content);
        return this;
    }

    /** The archive, ended by two zero blocks. */
    public byte[] bytes() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        copy.writeBytes(new byte[1024]);
        return copy.toByteArray();
    }

    /** Writes the archive to {@code file}; returns it. */
    public Path writeTo(Path file) throws IOException {
        Files.write(file, bytes());
        return file;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static void record(ByteArrayOutputStream pax, String key, byte[] value) {
        int rest = 1 + key.length() + 1 + value.length + 1;
        int len = rest + Integer.toString(rest).length();
        if (Integer.toString(len).length() != Integer.toString(rest).length()) {
            len = rest + Integer.toString(len).length();
        }
        pax.writeBytes(utf8(len + " " + key + "="));
        pax.writeBytes(value);
        pax.write('\n');
    }

    private void header(byte[] name, char type, int mode, long size, byte[] link) {
        byte[] h = new byte[512];
        System.arraycopy(name, 0, h, 0, Math.min(100, name.length));
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, 1_700_000_000L);
        h[156] = (byte) type;
        if (link != null) {
            System.arraycopy(link, 0, h, 157, Math.min(100, link.length));
        }
        System.arraycopy(utf8("ustar\u000000"), 0, h, 257, 8);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        int sum = 0;
        for (byte x : h) {
            sum += x & 0xff;
        }
        octal(h, 148, 7, sum);
        out.writeBytes(h);
    }

    private void data(byte[] content) {
        out.writeBytes(content);
        int pad = (512 - content.length % 512) % 512;
        out.writeBytes(new byte[pad]);
    }

    private static void octal(byte[] h, int off, int len, long v) {
        String s = Long.toOctalString(v);
        s = "0".repeat(Math.max(0, len - 1 - s.length())) + s;
        byte[] b = utf8(s);
        System.arraycopy(b, 0, h, off, len - 1);
        h[off + len - 1] = 0;
    }
}
