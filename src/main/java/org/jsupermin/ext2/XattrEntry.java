package org.jsupermin.ext2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * One extended attribute as stored on disk: a name index standing for the prefix
 * (1 user., 2 system.posix_acl_access, 3 system.posix_acl_default, 4 trusted., 6 security.,
 * 7 system.), the rest of the name, and the value.
 */
record XattrEntry(int nameIndex, byte[] name, byte[] value) {

    static final int MAGIC = 0xEA020000;
    static final int HEADER = 16;

    /** The order the kernel keeps entries in: by index, then name length, then name bytes. */
    static final Comparator<XattrEntry> ORDER = Comparator.comparingInt(XattrEntry::nameIndex)
            .thenComparingInt(e -> e.name.length)
            .thenComparing(XattrEntry::name, Arrays::compareUnsigned);

    /** Maps a full attribute name ("security.capability") and value to its on-disk form. */
    static XattrEntry of(String fullName, byte[] value) throws Ext2Exception {
        byte[] v = value == null ? new byte[0] : value;
        switch (fullName) {
            case "system.posix_acl_access":
                return new XattrEntry(2, new byte[0], PosixAcl.toDisk(v, fullName));
            case "system.posix_acl_default":
                return new XattrEntry(3, new byte[0], PosixAcl.toDisk(v, fullName));
            default:
                break;
        }
        String[][] prefixes = {{"user.", "1"}, {"trusted.", "4"}, {"security.", "6"}, {"system.", "7"}};
        for (String[] p : prefixes) {
            if (fullName.startsWith(p[0]) && fullName.length() > p[0].length()) {
                byte[] name = fullName.substring(p[0].length()).getBytes(StandardCharsets.UTF_8);
                if (name.length > 255) {
                    throw new Ext2Exception("extended attribute name " + fullName + " is longer than 255 bytes");
                }
                return new XattrEntry(Integer.parseInt(p[1]), name, v);
            }
        }
        throw new Ext2Exception("extended attribute " + fullName
                + " has no namespace ext2 stores (user., trusted., security., system.)");
    }

    static int pad4(int n) {
        return (n + 3) & ~3;
    }

    /** Bytes of the entry header plus padded name. */
    int entrySize() {
        return HEADER + pad4(name.length);
    }

    /** Bytes of the padded value. */
    int valueSize() {
        return pad4(value.length);
    }

    /** The entry hash as e2fsprogs and the kernel compute it (name bytes, then value words). */
    int hash() {
        int h = 0;
        for (byte c : name) {
            h = (h << 5) ^ (h >>> 27) ^ c;
        }
        if (value.length > 0) {
            ByteBuffer v = ByteBuffer.wrap(Arrays.copyOf(value, valueSize())).order(ByteOrder.LITTLE_ENDIAN);
            while (v.hasRemaining()) {
                h = (h << 16) ^ (h >>> 16) ^ v.getInt();
            }
        }
        return h;
    }

    /**
     * Writes the entry header and name at {@code at}, the value at {@code valueAt}; the value
     * offset recorded is {@code valueAt - base}.
     */
    void encode(ByteBuffer b, int at, int valueAt, int base) {
        b.put(at, (byte) name.length);
        b.put(at + 1, (byte) nameIndex);
        b.putShort(at + 2, (short) (value.length == 0 ? 0 : valueAt - base));
        b.putInt(at + 4, 0);
        b.putInt(at + 8, value.length);
        b.putInt(at + 12, hash());
        b.put(at + HEADER, name);
        if (value.length > 0) {
            b.put(valueAt, value);
        }
    }
}
