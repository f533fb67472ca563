package org.jsupermin.ext2;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A tree for the ext2 writer described by text, one entry a line, so that fuzz inputs and seeds
 * stay readable: {@code d PATH MODE}, {@code f PATH MODE SIZE}, {@code l PATH TARGET},
 * {@code h PATH EXISTING}, {@code c|b PATH MAJOR MINOR}, {@code p PATH}, {@code s PATH},
 * {@code x PATH NAME VALUE} (an extended attribute of the next entry added at PATH),
 * {@code o UID GID} (the owner of the entries that follow) and {@code size MIB} (the image size,
 * 1 to 64 MiB; 4 by default). Numbers are octal for modes, decimal otherwise; a file's content is
 * a pattern of SIZE bytes (at most 1 MiB). Lines that do not parse and entries the builder's
 * contract refuses (a path that is not absolute and normalised, a path added twice) are skipped:
 * what is tested is what the writer does with everything it accepts.
 */
final class FuzzedTree {

    static final long TIMESTAMP = 1_600_000_000L;
    private static final int MAX_FILE = 1 << 20;

    private final Ext2ImageBuilder builder;
    private final long sizeBytes;

    private FuzzedTree(Ext2ImageBuilder builder, long sizeBytes) {
        this.builder = builder;
        this.sizeBytes = sizeBytes;
    }

    /** The builder holding the tree {@code data} describes. */
    static FuzzedTree parse(byte[] data) {
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\n");
        long size = 4L << 20;
        for (String line : lines) {
            String[] w = line.trim().split(" +");
            if (w.length == 2 && w[0].equals("size")) {
                Long mib = number(w[1], 10);
                if (mib != null && mib >= 1 && mib <= 64) {
                    size = mib << 20;
                }
            }
        }
        Ext2ImageBuilder b = new Ext2ImageBuilder(Ext2Options.of(size, TIMESTAMP));
        int uid = 0;
        int gid = 0;
        SortedMap<String, byte[]> xattrs = new TreeMap<>();
        String xattrPath = null;
        for (String line : lines) {
            String[] w = line.trim().split(" +");
            try {
                switch (w[0]) {
                    case "o" -> {
                        Long u = number(w[1], 10);
                        Long g = number(w[2], 10);
                        if (u != null && g != null) {
                            uid = u.intValue();
                            gid = g.intValue();
                        }
                    }
                    case "x" -> {
                        if (!w[1].equals(xattrPath)) {
                            xattrs.clear();
                            xattrPath = w[1];
                        }
                        xattrs.put(w[2], w.length > 3 ? w[3].getBytes(StandardCharsets.UTF_8) : new byte[0]);
                    }
                    default -> {
                        SortedMap<String, byte[]> x = w.length > 1 && w[1].equals(xattrPath) ? xattrs : null;
                        if (add(b, w, uid, gid, x) && x != null) {
                            xattrs = new TreeMap<>();
                            xattrPath = null;
                        }
                    }
                }
            } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
                // a line that does not parse, or an entry the builder's contract refuses: skipped
            }
        }
        return new FuzzedTree(b, size);
    }

    private static boolean add(Ext2ImageBuilder b, String[] w, int uid, int gid, SortedMap<String, byte[]> xattrs) {
        String path = w[1];
        switch (w[0]) {
            case "d" -> b.addDirectory(path, attrs(w[2], uid, gid, xattrs));
            case "f" -> {
                Long size = number(w[3], 10);
                if (size == null || size < 0 || size > MAX_FILE) {
                    return false;
                }
                byte[] content = pattern(size.intValue(), path.hashCode());
                b.addFile(path, attrs(w[2], uid, gid, xattrs), size, () -> new ByteArrayInputStream(content));
            }
            case "l" -> b.addSymlink(path, attrs("777", uid, gid, xattrs), w[2]);
            case "h" -> b.addHardLink(path, w[2]);
            case "c", "b" -> {
                Long major = number(w[2], 10);
                Long minor = number(w[3], 10);
                if (major == null || minor == null) {
                    return false;
                }
                b.addDevice(path, w[0].equals("c") ? FileType.CHAR_DEVICE : FileType.BLOCK_DEVICE,
                        attrs("644", uid, gid, xattrs), major.intValue(), minor.intValue());
            }
            case "p" -> b.addFifo(path, attrs("644", uid, gid, xattrs));
            case "s" -> b.addSocket(path, attrs("755", uid, gid, xattrs));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static InodeAttributes attrs(String mode, int uid, int gid, SortedMap<String, byte[]> xattrs) {
        Long m = number(mode, 8);
        return new InodeAttributes(m == null ? 0644 : m.intValue(), uid, gid, TIMESTAMP, xattrs);
    }

    private static Long number(String text, int radix) {
        try {
            return Long.parseLong(text, radix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Deterministic bytes with runs of zeros, so that holes and data blocks both occur. */
    static byte[] pattern(int size, int seed) {
        byte[] out = new byte[size];
        int x = seed | 1;
        for (int i = 0; i < size; i++) {
            x = x * 1103515245 + 12345;
            out[i] = (i / 4096) % 3 == 1 ? 0 : (byte) (x >>> 24);
        }
        return out;
    }

    Ext2ImageBuilder builder() {
        return builder;
    }

    long sizeBytes() {
        return sizeBytes;
    }
}
