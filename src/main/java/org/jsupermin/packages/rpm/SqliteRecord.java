package org.jsupermin.packages.rpm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsupermin.packages.PackageDatabaseException;

/** Decodes an SQLite record (header of serial types, then the column values). */
final class SqliteRecord {

    private SqliteRecord() {
    }

    /** The column values: Long, Double, String, byte[] or null (also for an INTEGER PRIMARY KEY). */
    static List<Object> decode(byte[] rec, String where) throws PackageDatabaseException {
        int[] pos = {0};
        long headerSize = varint(rec, pos, where);
        if (headerSize < 1 || headerSize > rec.length) {
            throw new PackageDatabaseException(where + ": bad record header size " + headerSize);
        }
        List<Long> types = new ArrayList<>();
        while (pos[0] < headerSize) {
            types.add(varint(rec, pos, where));
        }
        ByteBuffer b = ByteBuffer.wrap(rec);
        int at = (int) headerSize;
        List<Object> values = new ArrayList<>(types.size());
        for (long t : types) {
            long length = length(t, where);
            if (at + length > rec.length) {
                throw new PackageDatabaseException(where + ": record column runs past its end");
            }
            int len = (int) length;
            Object v;
            if (t == 0) {
                v = null;
            } else if (t >= 1 && t <= 6) {
                long x = rec[at]; // sign-extended big-endian integer
                for (int i = 1; i < len; i++) {
                    x = (x << 8) | (rec[at + i] & 0xff);
                }
                v = x;
            } else if (t == 7) {
                v = b.getDouble(at);
            } else if (t == 8 || t == 9) {
                v = t - 8;
            } else if (t % 2 == 0) {
                v = Arrays.copyOfRange(rec, at, at + len);
            } else {
                v = new String(rec, at, len, StandardCharsets.UTF_8);
            }
            values.add(v);
            at += len;
        }
        return values;
    }

    /** The length of a column of serial type {@code type} (a nine-byte varint may be negative). */
    private static long length(long type, String where) throws PackageDatabaseException {
        if (type >= 12) {
            return (type - 12) / 2;
        }
        if (type < 0) {
            throw new PackageDatabaseException(where + ": bad serial type " + type);
        }
        return switch ((int) type) {
            case 0, 8, 9 -> 0;
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 3;
            case 4 -> 4;
            case 5 -> 6;
            case 6, 7 -> 8;
            default -> throw new PackageDatabaseException(where + ": reserved serial type " + type);
        };
    }

    private static long varint(byte[] rec, int[] pos, String where) throws PackageDatabaseException {
        long v = 0;
        for (int i = 0; i < 9; i++) {
            if (pos[0] >= rec.length) {
                throw new PackageDatabaseException(where + ": record varint runs past its end");
            }
            int b = rec[pos[0]++] & 0xff;
            if (i == 8) {
                return (v << 8) | b;
            }
            v = (v << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        return v;
    }
}
