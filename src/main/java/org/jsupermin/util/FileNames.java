package org.jsupermin.util;

import java.nio.charset.StandardCharsets;

/**
 * File names are bytes; the appliance keeps them as strings. Bytes that are valid UTF-8 become
 * their characters; every other byte (0x80-0xFF) becomes the lone surrogate U+DC80-U+DCFF, as
 * Python's "surrogateescape" does, and turns back into the same byte on the way out. So a name
 * that is not UTF-8 goes through the tree unchanged and two such names never collide.
 */
public final class FileNames {

    private static final char ESCAPE_BASE = '\uDC00';

    private FileNames() {
    }

    /** The string of {@code bytes}: UTF-8 where valid, escapes for every other byte. */
    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** The string of {@code len} bytes of {@code b} from {@code off}. */
    public static String decode(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end && b[i] >= 0) {
            i++;
        }
        if (i == end) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1); // ASCII
        }
        // runs of valid UTF-8 are decoded by the JDK; only the bytes between them are escaped
        StringBuilder s = null;
        int run = off;
        while (i < end) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int n = sequenceLength(b, i, end);
            if (n > 0) {
                i += n;
                continue;
            }
            if (s == null) {
                s = new StringBuilder(len + 8);
            }
            s.append(new String(b, run, i - run, StandardCharsets.UTF_8)).append((char) (ESCAPE_BASE + (b[i] & 0xff)));
            i++;
            run = i;
        }
        if (s == null) {
            return new String(b, off, len, StandardCharsets.UTF_8);
        }
        return s.append(new String(b, run, end - run, StandardCharsets.UTF_8)).toString();
    }

    /**
     * The length of the well-formed UTF-8 sequence starting at {@code i} (a lead byte of 0x80 or
     * more), or 0 when it is not one (stray continuation, overlong form, surrogate, beyond U+10FFFF
     * or cut short).
     */
    private static int sequenceLength(byte[] b, int i, int end) {
        int c = b[i] & 0xff;
        int n;
        int lo = 0x80;
        int hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            n = 2;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 3;
            if (c == 0xe0) {
                lo = 0xa0;
            } else if (c == 0xed) {
                hi = 0x9f;
            }
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 4;
            if (c == 0xf0) {
                lo = 0x90;
            } else if (c == 0xf4) {
                hi = 0x8f;
            }
        } else {
            return 0;
        }
        if (i + n > end) {
            return 0;
        }
        int second = b[i + 1] & 0xff;
        if (second < lo || second > hi) {
            return 0;
        }
        for (int k = 2; k < n; k++) {
            if ((b[i + k] & 0xc0) != 0x80) {
                return 0;
            }
        }
        return n;
    }

    /** The bytes of {@code name}: UTF-8, each escape back to its byte. */
    public static byte[] encode(String name) {
        if (!hasEscapes(name)) {
            return name.getBytes(StandardCharsets.UTF_8);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(name.length() + 8);
        int start = 0;
        for (int i = 0; i < name.length(); i++) {
            if (isEscape(name, i)) {
                out.writeBytes(name.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(name.charAt(i) - ESCAPE_BASE);
                start = i + 1;
            }
        }
        out.writeBytes(name.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Whether {@code name} holds a byte that is not UTF-8 (an escape). */
    public static boolean hasEscapes(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isSurrogate(name.charAt(i)) && isEscape(name, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the character at {@code i} stands for a byte: a lone low surrogate U+DC80-U+DCFF. */
    private static boolean isEscape(String s, int i) {
        char c = s.charAt(i);
        return c >= '\uDC80' && c <= '\uDCFF' && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    /** The number of bytes {@link #encode} gives for {@code s.substring(from, to)}, without making them. */
    public static int byteLength(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (isEscape(s, i)) {
                n++;
            } else {
                n += 3; // other characters; a stray surrogate is written as '?' by UTF-8, counted high
            }
        }
        return n;
    }

    /**
     * {@code name} for a message: escapes shown as {@code \xHH}, control characters as
     * {@code \xHH} too, and cut at {@code max} characters with "…".
     */
    public static String printable(String name, int max) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (; i < name.length() && b.length() < max; i++) {
            char c = name.charAt(i);
            if (isEscape(name, i)) {
                hex(b, c - ESCAPE_BASE);
            } else if (c < 0x20 || c == 0x7f) {
                hex(b, c);
            } else {
                b.append(c);
            }
        }
        if (i < name.length()) {
            b.append('…');
        }
        return b.toString();
    }

    private static void hex(StringBuilder b, int v) {
        b.append("\\x").append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 15, 16));
    }
}
