package org.jsupermin.tar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jsupermin.util.FileNames;

/**
 * Writes a POSIX (pax) tar stream member by member: a PAX {@code x} header whenever a name, a
 * number or an extended attribute does not fit ustar, then the ustar header, then the content
 * copied through a fixed buffer (or handed to {@link Transfers}, which have the kernel copy it
 * into the output channel) and checked against the declared size. Output is padded to whole 10240-byte records,
 * like GNU tar's default blocking factor.
 */
public final class TarWriter {

    /** GNU tar's default record: 20 blocks. */
    public static final int RECORD = 20 * UstarHeader.BLOCK;
    private static final byte[] PAX_NAME = "././@PaxHeader".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZEROS = new byte[UstarHeader.BLOCK];
    private static final int BUFFER = 64 * 1024;

    private final OutputStream out;
    private final Transfers transfers;
    private final byte[] buffer = new byte[BUFFER];
    /** The header block being written (each header is encoded into it, then copied out). */
    private final byte[] block = new byte[UstarHeader.BLOCK];
    private long written;

    /** Where the contents given to {@link #transfer} go, in place of the stream. */
    @FunctionalInterface
    public interface Transfers {
        /** Puts exactly {@code m.size()} bytes of {@code file} at the stream's current end. */
        void transfer(TarMember m, Path file, String origin) throws IOException, TarException;
    }

    /** Writes to {@code out}, which should be buffered; {@link #finish} does not close it. */
    public TarWriter(OutputStream out) {
        this(out, null);
    }

    /** Writes to {@code out}, handing the contents given to {@link #transfer} to {@code transfers}. */
    public TarWriter(OutputStream out, Transfers transfers) {
        this.out = out;
        this.transfers = transfers;
    }

    /** Bytes written so far. */
    public long written() {
        return written;
    }

    /**
     * Writes one member. For a regular file, {@code content} must deliver exactly
     * {@code member.size()} bytes; {@code origin} names it in the error otherwise.
     */
    public void write(TarMember m, InputStream content, String origin) throws IOException, TarException {
        header(m);
        if (m.size() > 0 || content != null) {
            copy(m, content, origin);
            pad(m.size());
        }
    }

    /**
     * Writes one regular-file member whose content is handed to the {@link Transfers} (the kernel
     * copies it to the output channel); {@code file} must hold exactly {@code member.size()} bytes.
     */
    public void transfer(TarMember m, Path file, String origin) throws IOException, TarException {
        header(m);
        transfers.transfer(m, file, origin);
        written += m.size();
        pad(m.size());
    }

    /**
     * Copies {@code file}, which must hold exactly {@code m.size()} bytes, to {@code channel}
     * inside the kernel (sendfile). One byte more than the size is asked for: a file that grew
     * is noticed by the count copied, without another call (what went out is then discarded
     * with the failed build).
     */
    public static void copyExactly(TarMember m, Path file, String origin, WritableByteChannel channel)
            throws IOException, TarException {
        try (FileChannel content = FileChannel.open(file)) {
            long size = m.size();
            long done = 0;
            while (done <= size) {
                long n = content.transferTo(done, size + 1 - done, channel);
                if (n <= 0) {
                    break;
                }
                done += n;
            }
            if (done > size) {
                throw sizeChanged(m, origin, "more than " + size);
            }
            if (done < size) {
                throw sizeChanged(m, origin, Long.toString(done));
            }
        }
    }

    /**
     * Writes a sparse regular file as GNU tar's pax sparse format 1.0 does: the member is named
     * {@code DIR/GNUSparseFile.0/NAME} with its real name and size in {@code GNU.sparse.*} pax
     * records, and its data is the map of data segments (decimal lines, padded to a block)
     * followed by the segments' bytes; readers that know the format (GNU tar, Python's tarfile)
     * restore the holes. {@code map} holds (offset, length) pairs;
     * {@code data} delivers the segments' bytes one after the other.
     */
    public void writeSparse(TarMember m, long[] map, InputStream data, String origin) throws IOException, TarException {
        StringBuilder text = new StringBuilder().append(map.length / 2).append('\n');
        long dataBytes = 0;
        for (int i = 0; i < map.length; i += 2) {
            text.append(map[i]).append('\n').append(map[i + 1]).append('\n');
            dataBytes += map[i + 1];
        }
        byte[] mapBytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        long mapBlocks = (mapBytes.length + UstarHeader.BLOCK - 1) / UstarHeader.BLOCK * UstarHeader.BLOCK;
        String name = m.name();
        int slash = name.lastIndexOf('/', name.length() - 2);
        String stored = name.substring(0, slash + 1) + "GNUSparseFile.0/" + name.substring(slash + 1);
        PaxRecords sparse = new PaxRecords().put("GNU.sparse.major", "1").put("GNU.sparse.minor", "0")
                .put("GNU.sparse.name", FileNames.encode(name)).put("GNU.sparse.realsize", Long.toString(m.size()));
        header(new TarMember(stored, '0', m.mode(), m.uid(), m.gid(), m.mtime(), mapBlocks + dataBytes, null, 0, 0,
                m.xattrs(), m.userName(), m.groupName()), sparse);
        emit(mapBytes, mapBytes.length);
        zeros(mapBlocks - mapBytes.length);
        copy(new TarMember(name, '0', m.mode(), m.uid(), m.gid(), m.mtime(), dataBytes, null, 0, 0, null), data, origin);
        pad(dataBytes);
    }

    private void header(TarMember m) throws IOException {
        header(m, null);
    }

    /** The member's header, after a pax header holding {@code extra} records and any others it needs. */
    private void header(TarMember m, PaxRecords extra) throws IOException {
        // names are bytes: one that is not UTF-8 goes byte for byte into a PAX record, as GNU tar
        // 1.34 writes it; without "hdrcharset=BINARY", which that tar warns about as unknown at
        // every extraction (readers keep such a path's bytes as they are either way)
        boolean binaryName = FileNames.hasEscapes(m.name());
        boolean binaryLink = m.linkName() != null && FileNames.hasEscapes(m.linkName());
        byte[] name = FileNames.encode(m.name());
        byte[] linkName = m.linkName() == null ? null : FileNames.encode(m.linkName());
        PaxRecords pax = extra;
        if (name.length > UstarHeader.NAME_LENGTH || binaryName) {
            pax = pax(pax).put("path", name);
        }
        if (linkName != null && (linkName.length > UstarHeader.NAME_LENGTH || binaryLink)) {
            pax = pax(pax).put("linkpath", linkName);
        }
        if (!UstarHeader.fits(m.uid(), UstarHeader.MAX_OCTAL_7)) {
            pax = pax(pax).put("uid", Long.toString(m.uid()));
        }
        if (!UstarHeader.fits(m.gid(), UstarHeader.MAX_OCTAL_7)) {
            pax = pax(pax).put("gid", Long.toString(m.gid()));
        }
        if (!UstarHeader.fits(m.size(), UstarHeader.MAX_OCTAL_11)) {
            pax = pax(pax).put("size", Long.toString(m.size()));
        }
        if (!UstarHeader.fits(m.mtime(), UstarHeader.MAX_OCTAL_11)) {
            pax = pax(pax).put("mtime", Long.toString(m.mtime()));
        }
        for (Map.Entry<String, byte[]> x : m.xattrs().entrySet()) {
            pax = pax(pax).put("SCHILY.xattr." + x.getKey(), x.getValue());
        }
        if (pax != null) {
            byte[] data = pax.encode();
            long paxMtime = UstarHeader.fits(m.mtime(), UstarHeader.MAX_OCTAL_11) ? m.mtime() : 0;
            UstarHeader.encode(block, PAX_NAME, 'x', 0644, 0, 0, paxMtime, data.length, null, 0, 0);
            emit(block, block.length);
            emit(data, data.length);
            pad(data.length);
        }
        UstarHeader.encode(block, name, m.typeflag(), m.mode(), m.uid(), m.gid(), m.mtime(), m.size(), linkName,
                m.devMajor(), m.devMinor(), ownerName(m.userName()), ownerName(m.groupName()));
        emit(block, block.length);
    }

    private static byte[] ownerName(String owner) {
        return owner == null ? null : owner.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code pax}, or new records when it is null (most members need none). */
    private static PaxRecords pax(PaxRecords pax) {
        return pax != null ? pax : new PaxRecords();
    }

    /** Writes the end-of-archive marker (two zero blocks) and pads to a whole record. */
    public void finish() throws IOException {
        long end = written + 2L * UstarHeader.BLOCK;
        long total = (end + RECORD - 1) / RECORD * RECORD;
        zeros(total - written);
        out.flush();
    }

    private void copy(TarMember m, InputStream content, String origin) throws IOException, TarException {
        if (content == null) {
            throw new TarException("writing " + m.name() + " into the tar: no content source for a "
                    + m.size() + "-byte file");
        }
        long remaining = m.size();
        while (true) {
            // read one byte beyond the declared size to notice a file that grew
            int want = (int) Math.min(buffer.length, remaining + 1);
            int n = content.read(buffer, 0, want);
            if (n < 0) {
                break;
            }
            if (n > remaining) {
                throw sizeChanged(m, origin, "more than " + m.size());
            }
            emit(buffer, n);
            remaining -= n;
        }
        if (remaining != 0) {
            throw sizeChanged(m, origin, Long.toString(m.size() - remaining));
        }
    }

    /** The error for a content of another size than its member declares. */
    public static TarException sizeChanged(TarMember m, String origin, String got) {
        return new TarException("writing " + m.name() + " into the tar: " + origin + " changed size while"
                + " the appliance was built (expected " + m.size() + " bytes, read " + got + "); build again");
    }

    private void pad(long length) throws IOException {
        int rem = (int) (length % UstarHeader.BLOCK);
        if (rem != 0) {
            zeros(UstarHeader.BLOCK - rem);
        }
    }

    private void zeros(long n) throws IOException {
        while (n > 0) {
            int k = (int) Math.min(ZEROS.length, n);
            out.write(ZEROS, 0, k);
            written += k;
            n -= k;
        }
    }

    private void emit(byte[] b, int len) throws IOException {
        out.write(b, 0, len);
        written += len;
    }
}
