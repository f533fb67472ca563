package org.jsupermin.util;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

import org.tukaani.xz.XZIOException;

/**
 * A decompressing stream whose failures say what they mean: the decompressors report a
 * truncated stream as an end-of-file exception without a message, and damaged data in their own
 * terms ("invalid block type").
 */
final class DecompressionErrors extends FilterInputStream {

    private final String format;

    DecompressionErrors(InputStream in, String format) {
        super(in);
        this.format = format;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private IOException translate(IOException e) {
        if (e instanceof EOFException) {
            return new EOFException("truncated " + format + " data: the archive is incomplete; rebuild or re-download it");
        }
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (e instanceof ZipException || e instanceof XZIOException || (e.getClass() == IOException.class
                && (m.contains("corrupt") || m.contains("garbage") || m.contains("invalid")))) {
            IOException t = new IOException("corrupt " + format + " data (" + e.getMessage()
                    + "): the archive is damaged; rebuild or re-download it");
            t.initCause(e);
            return t;
        }
        return e;
    }
}
