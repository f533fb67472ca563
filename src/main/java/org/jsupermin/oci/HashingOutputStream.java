package org.jsupermin.oci;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.jsupermin.util.Digests;

/** Passes bytes through while counting them and computing their SHA-256. */
final class HashingOutputStream extends FilterOutputStream {

    private final MessageDigest sha256;
    private long count;

    HashingOutputStream(OutputStream out) {
        super(out);
        sha256 = Digests.sha256();
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        count += len;
    }

    /** Bytes written so far. */
    long count() {
        return count;
    }

    /** "sha256:" and the hex digest of what was written; call once, at the end. */
    String digest() {
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }
}
