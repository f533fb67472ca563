package org.jsupermin.packages.rpm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds rpm header blobs (index count first, as in an rpmdb) for tests. */
final class HeaderBytes {

    private record Entry(int tag, int type, int offset, int count) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final ByteArrayOutputStream store = new ByteArrayOutputStream();

    HeaderBytes string(int tag, String value) {
        return add(tag, 6, 1, (value + "\0").getBytes(StandardCharsets.UTF_8), 1);
    }

    HeaderBytes strings(int tag, String... values) {
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            b.append(v).append('\0');
        }
        return add(tag, 8, values.length, b.toString().getBytes(StandardCharsets.UTF_8), 1);
    }

    HeaderBytes int32(int tag, int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        for (int v : values) {
            b.putInt(v);
        }
        return add(tag, 4, values.length, b.array(), 4);
    }

    HeaderBytes int16(int tag, int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2);
        for (int v : values) {
            b.putShort((short) v);
        }
        return add(tag, 3, values.length, b.array(), 2);
    }

    private HeaderBytes add(int tag, int type, int count, byte[] data, int align) {
        while (store.size() % align != 0) {
            store.write(0);
        }
        entries.add(new Entry(tag, type, store.size(), count));
        store.writeBytes(data);
        return this;
    }

    /** The blob: count, data length, index entries, store. */
    byte[] build() {
        ByteBuffer b = ByteBuffer.allocate(8 + entries.size() * 16 + store.size());
        b.putInt(entries.size()).putInt(store.size());
        for (Entry e : entries) {
            b.putInt(e.tag).putInt(e.type).putInt(e.offset).putInt(e.count);
        }
        b.put(store.toByteArray());
        return b.array();
    }
}
