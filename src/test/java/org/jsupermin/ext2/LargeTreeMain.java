package org.jsupermin.ext2;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Builds an image of 20,000 generated 10 KiB files (about 200 MB) in 100 directories; run in a
 * JVM with a small heap by {@link Ext2ImageMemoryIT} to prove content is streamed.
 */
public final class LargeTreeMain {

    static final int FILES = 20_000;
    static final int SIZE = 10 * 1024;

    private LargeTreeMain() {
    }

    public static void main(String[] args) throws Exception {
        long t = 1_600_000_000L;
        Ext2ImageBuilder b = new Ext2ImageBuilder(Ext2Options.of(512L << 20, t));
        for (int d = 0; d < 100; d++) {
            b.addDirectory("/d" + d, InodeAttributes.of(0755, 0, 0, t));
        }
        for (int i = 0; i < FILES; i++) {
            int seed = i;
            b.addFile("/d" + (i % 100) + "/file-" + i, InodeAttributes.of(0644, 0, 0, t), SIZE, () -> generated(seed));
        }
        b.write(Path.of(args[0]));
    }

    /** A stream of SIZE bytes computed on the fly, never held as a whole. */
    static InputStream generated(int seed) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < SIZE ? (byte) (seed * 7 + pos++ * 13 + 1) & 0xff : -1;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (pos >= SIZE) {
                    return -1;
                }
                int n = Math.min(len, SIZE - pos);
                for (int k = 0; k < n; k++) {
                    buf[off + k] = (byte) (seed * 7 + pos++ * 13 + 1);
                }
                return n;
            }
        };
    }
}
