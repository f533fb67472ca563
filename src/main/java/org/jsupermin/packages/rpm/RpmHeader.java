package org.jsupermin.packages.rpm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsupermin.packages.PackageDatabaseException;

/**
 * One rpm header: an index of (tag, type, offset, count) entries over a data store. Parsed from
 * an rpmdb blob (starting at the index count) or from a package file (after the 8-byte magic).
 */
public final class RpmHeader {

    /** The magic that starts a header in a package file: 8e ad e8, version 01, 4 reserved bytes. */
    static final byte[] MAGIC = {(byte) 0x8e, (byte) 0xad, (byte) 0xe8, 0x01};

    private static final int TYPE_CHAR = 1;
    private static final int TYPE_INT8 = 2;
    private static final int TYPE_INT16 = 3;
    private static final int TYPE_INT32 = 4;
    private static final int TYPE_INT64 = 5;
    private static final int TYPE_STRING = 6;
    private static final int TYPE_BIN = 7;
    private static final int TYPE_STRING_ARRAY = 8;
    private static final int TYPE_I18NSTRING = 9;
    private static final int MAX_ENTRIES = 1 << 20;
    private static final int MAX_DATA = 1 << 28;

    private record Entry(int type, int offset, int count) {
    }

    private final Map<Integer, Entry> entries;
    private final byte[] store;
    private final int length;
    private final String where;

    private RpmHeader(Map<Integer, Entry> entries, byte[] store, int length, String where) {
        this.entries = entries;
        this.store = store;
        this.length = length;
        this.where = where;
    }

    /**
     * Parses the header whose index count starts at {@code start} in {@code data}.
     *
     * @param where names the header in error messages ("/r/var/lib/rpm/rpmdb.sqlite: package 12")
     */
    public static RpmHeader parse(byte[] data, int start, String where) throws PackageDatabaseException {
        if (data.length - start < 8) {
            throw new PackageDatabaseException(where + ": truncated rpm header (" + (data.length - start) + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        int count = b.getInt(start);
        int dataLength = b.getInt(start + 4);
        if (count < 1 || count > MAX_ENTRIES || dataLength < 0 || dataLength > MAX_DATA) {
            throw new PackageDatabaseException(where + ": bad rpm header (" + count + " entries, "
                    + dataLength + " bytes of data)");
        }
        int storeStart = start + 8 + count * 16;
        long end = (long) storeStart + dataLength;
        if (end > data.length) {
            throw new PackageDatabaseException(where + ": truncated rpm header (needs " + (end - start)
                    + " bytes, has " + (data.length - start) + ")");
        }
        byte[] store = new byte[dataLength];
        System.arraycopy(data, storeStart, store, 0, dataLength);
        Map<Integer, Entry> entries = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int at = start + 8 + i * 16;
            int tag = b.getInt(at);
            Entry e = new Entry(b.getInt(at + 4), b.getInt(at + 8), b.getInt(at + 12));
            if (e.offset < 0 || e.offset > dataLength || e.count < 0 || e.count > dataLength + 1) {
                throw new PackageDatabaseException(where + ": bad rpm header entry for tag " + tag
                        + " (offset " + e.offset + ", count " + e.count + ")");
            }
            entries.putIfAbsent(tag, e);
        }
        return new RpmHeader(entries, store, (int) (end - start), where);
    }

    /** The header's size in bytes from the index count to the end of its store. */
    public int length() {
        return length;
    }

    /** Whether the header has {@code tag}. */
    public boolean has(int tag) {
        return entries.containsKey(tag);
    }

    /** A string tag (or the first string of an array), or null when absent. */
    public String string(int tag) throws PackageDatabaseException {
        List<String> all = strings(tag);
        return all.isEmpty() ? null : all.get(0);
    }

    /** A string-array tag (a single string reads as one element); empty when absent. */
    public List<String> strings(int tag) throws PackageDatabaseException {
        Entry e = entries.get(tag);
        if (e == null) {
            return List.of();
        }
        if (e.type != TYPE_STRING && e.type != TYPE_STRING_ARRAY && e.type != TYPE_I18NSTRING) {
            throw bad(tag, "is type " + e.type + ", not a string");
        }
        int n = e.type == TYPE_STRING ? 1 : e.count;
        List<String> out = new ArrayList<>(n);
        int at = e.offset;
        for (int i = 0; i < n; i++) {
            int nul = at;
            while (nul < store.length && store[nul] != 0) {
                nul++;
            }
            if (nul >= store.length) {
                throw bad(tag, "string " + i + " runs past the end of the header");
            }
            out.add(new String(store, at, nul - at, StandardCharsets.UTF_8));
            at = nul + 1;
        }
        return Collections.unmodifiableList(out);
    }

    /** A binary tag's bytes; empty when absent. */
    public byte[] bytes(int tag) throws PackageDatabaseException {
        Entry e = entries.get(tag);
        if (e == null) {
            return new byte[0];
        }
        if (e.type != TYPE_BIN) {
            throw bad(tag, "is type " + e.type + ", not binary");
        }
        if ((long) e.offset + e.count > store.length) {
            throw bad(tag, "runs past the end of the header");
        }
        byte[] out = new byte[e.count];
        System.arraycopy(store, e.offset, out, 0, e.count);
        return out;
    }

    /** An integer tag of any width (INT16 read unsigned), widened to long; empty when absent. */
    public long[] numbers(int tag) throws PackageDatabaseException {
        Entry e = entries.get(tag);
        if (e == null) {
            return new long[0];
        }
        int width = switch (e.type) {
            case TYPE_CHAR, TYPE_INT8 -> 1;
            case TYPE_INT16 -> 2;
            case TYPE_INT32 -> 4;
            case TYPE_INT64 -> 8;
            default -> throw bad(tag, "is type " + e.type + ", not a number");
        };
        if ((long) e.offset + (long) e.count * width > store.length) {
            throw bad(tag, "runs past the end of the header");
        }
        ByteBuffer b = ByteBuffer.wrap(store);
        long[] out = new long[e.count];
        for (int i = 0; i < e.count; i++) {
            int at = e.offset + i * width;
            out[i] = switch (width) {
                case 1 -> store[at] & 0xffL;
                case 2 -> b.getShort(at) & 0xffffL;
                case 4 -> b.getInt(at) & 0xffffffffL;
                default -> b.getLong(at);
            };
        }
        return out;
    }

    /** The first value of an integer tag, or {@code otherwise} when absent. */
    public long number(int tag, long otherwise) throws PackageDatabaseException {
        long[] all = numbers(tag);
        return all.length == 0 ? otherwise : all[0];
    }

    private PackageDatabaseException bad(int tag, String what) {
        return new PackageDatabaseException(where + ": bad rpm header: tag " + tag + " " + what);
    }
}
