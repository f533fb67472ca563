package org.jsupermin.tar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records of one POSIX.1-2001 extended header ({@code x} entry), kept as raw bytes so that
 * binary values such as {@code SCHILY.xattr.security.capability} survive unchanged.
 */
final class PaxRecords {

    private final Map<String, byte[]> records = new TreeMap<>();

    /** Adds a text record (path, linkpath, size, uid, …), encoded as UTF-8. */
    PaxRecords put(String key, String value) {
        records.put(key, value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Adds a record whose value is arbitrary bytes. */
    PaxRecords put(String key, byte[] value) {
        records.put(key, value.clone());
        return this;
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    /**
     * The header's data: records sorted by key, each {@code "<len> <key>=<value>\n"} where len
     * counts the whole record including its own digits.
     */
    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> r : records.entrySet()) {
            byte[] key = r.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = r.getValue();
            int rest = 1 + key.length + 1 + value.length + 1; // ' ' key '=' value '\n'
            int len = rest + digits(rest);
            if (digits(len) != digits(rest)) {
                len = rest + digits(len);
            }
            out.writeBytes(Integer.toString(len).getBytes(StandardCharsets.US_ASCII));
            out.write(' ');
            out.writeBytes(key);
            out.write('=');
            out.writeBytes(value);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static int digits(int n) {
        return Integer.toString(n).length();
    }
}
