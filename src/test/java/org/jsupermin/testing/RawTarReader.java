package org.jsupermin.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small independent tar reader for tests that keeps PAX values as raw bytes (Commons Compress
 * decodes them as UTF-8 and so cannot show a binary {@code security.capability}).
 */
public final class RawTarReader {

    /** Contents up to this size are kept in {@link Member#content()}. */
    public static final int KEEP_CONTENT = 64 * 1024;

    /** One member with the PAX records that applied to it. */
    public record Member(String name, char type, int mode, long uid, long gid, long size, long mtime,
                         String linkName, long devMajor, long devMinor, String uname, String gname,
                         Map<String, byte[]> pax, String sha256, byte[] content) {

        /** The value of {@code SCHILY.xattr.<name>}, or null. */
        public byte[] xattr(String xattrName) {
            return pax.get("SCHILY.xattr." + xattrName);
        }
    }

    private RawTarReader() {
    }

    /** Reads every member of an uncompressed tar stream. */
    public static List<Member> read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        List<Member> members = new ArrayList<>();
        Map<String, byte[]> pax = new TreeMap<>();
        String longName = null;
        String longLink = null;
        byte[] h = new byte[512];
        while (true) {
            try {
                in.readFully(h);
            } catch (EOFException e) {
                break;
            }
            if (allZero(h)) {
                break;
            }
            verifyChecksum(h);
            char type = (char) h[156];
            long size = number(h, 124, 12);
            if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
                byte[] data = new byte[(int) size];
                in.readFully(data);
                skipPadding(in, size);
                if (type == 'x') {
                    pax.putAll(parsePax(data));
                } else if (type == 'L') {
                    longName = cString(data, 0, data.length);
                } else if (type == 'K') {
                    longLink = cString(data, 0, data.length);
                }
                continue;
            }
            String name = cString(h, 0, 100);
            String prefix = cString(h, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            String link = cString(h, 157, 100);
            long uid = number(h, 108, 8);
            long gid = number(h, 116, 8);
            long mtime = number(h, 136, 12);
            name = pax.containsKey("path") ? utf8(pax.get("path")) : longName != null ? longName : name;
            link = pax.containsKey("linkpath") ? utf8(pax.get("linkpath")) : longLink != null ? longLink : link;
            uid = pax.containsKey("uid") ? Long.parseLong(utf8(pax.get("uid"))) : uid;
            gid = pax.containsKey("gid") ? Long.parseLong(utf8(pax.get("gid"))) : gid;
            size = pax.containsKey("size") ? Long.parseLong(utf8(pax.get("size"))) : size;
            mtime = pax.containsKey("mtime") ? (long) Double.parseDouble(utf8(pax.get("mtime"))) : mtime;
            MessageDigest sha = sha256();
            byte[] kept = size <= KEEP_CONTENT ? new byte[(int) size] : null;
            byte[] buf = new byte[65536];
            long left = size;
            long pos = 0;
            while (left > 0) {
                int n = (int) Math.min(buf.length, left);
                in.readFully(buf, 0, n);
                sha.update(buf, 0, n);
                if (kept != null) {
                    System.arraycopy(buf, 0, kept, (int) pos, n);
                }
                pos += n;
                left -= n;
            }
            skipPadding(in, size);
            members.add(new Member(name, type, (int) number(h, 100, 8), uid, gid, size, mtime,
                    link.isEmpty() ? null : link, number(h, 329, 8), number(h, 337, 8),
                    cString(h, 265, 32), cString(h, 297, 32), pax, HexFormat.of().formatHex(sha.digest()), kept));
            pax = new TreeMap<>();
            longName = null;
            longLink = null;
        }
        return members;
    }

    /** Parses "len key=value\n" records, values kept as raw bytes. */
    public static Map<String, byte[]> parsePax(byte[] data) {
        Map<String, byte[]> records = new TreeMap<>();
        int i = 0;
        while (i < data.length) {
            int sp = i;
            while (data[sp] != ' ') {
                sp++;
            }
            int len = Integer.parseInt(new String(data, i, sp - i, StandardCharsets.US_ASCII));
            int eq = sp + 1;
            while (data[eq] != '=') {
                eq++;
            }
            String key = utf8(Arrays.copyOfRange(data, sp + 1, eq));
            if (data[i + len - 1] != '\n') {
                throw new IllegalStateException("PAX record for " + key + " does not end in a newline");
            }
            records.put(key, Arrays.copyOfRange(data, eq + 1, i + len - 1));
            i += len;
        }
        return records;
    }

    private static void verifyChecksum(byte[] h) {
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        long stored = number(h, 148, 8);
        if (sum != stored) {
            throw new IllegalStateException("bad header checksum " + stored + " != " + sum);
        }
    }

    private static long number(byte[] h, int off, int len) {
        if ((h[off] & 0x80) != 0) {
            long v = h[off] & 0x7f;
            for (int i = off + 1; i < off + len; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        }
        String s = cString(h, off, len).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static void skipPadding(DataInputStream in, long size) throws IOException {
        int rem = (int) (size % 512);
        if (rem != 0) {
            in.skipNBytes(512 - rem);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
