package org.jsupermin.tar;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsupermin.util.FileNames;

/**
 * Reads a tar stream member by member, as GNU tar writes it: ustar, GNU (long names, base-256
 * numbers) and POSIX pax headers, and sparse members in each of GNU tar's formats (old GNU
 * {@code S}, pax 0.0, 0.1 and 1.0). A member's content is read from the stream as it comes, never
 * held whole; a sparse member is described by its map and its stored data segments, never
 * expanded. Metadata (pax records, long names, sparse maps) is bounded, so that a hostile header
 * cannot claim the memory.
 */
public final class TarReader {

    private static final int BLOCK = 512;
    /** The most metadata one member may carry (pax records, long names). */
    private static final int MAX_METADATA = 1 << 20;
    /** The most data segments one sparse member may have. */
    static final int MAX_SEGMENTS = 1 << 18;

    private final InputStream in;
    private final byte[] block = new byte[BLOCK];
    /** Bytes of the archive consumed so far (for messages). */
    private long offset;
    /** Stored bytes of the current member not yet read, and the padding after them. */
    private long remaining;
    private long padding;

    /** Reads from {@code in}, which it does not close. */
    public TarReader(InputStream in) {
        this.in = in;
    }

    /**
     * One member.
     *
     * @param name its name, as stored (bytes that are not UTF-8 as {@link FileNames} escapes)
     * @param type its type flag ('0' regular, '1' hard link, '2' symlink, '3', '4' devices,
     *     '5' directory, '6' FIFO; GNU {@code S} and pax sparse members come as '0')
     * @param size the file's size (for a sparse member, with its holes)
     * @param sparse for a sparse member, pairs of (offset, length) of its data segments, in
     *     order; their bytes follow each other in {@link #content}; null otherwise
     */
    public record Member(String name, char type, int mode, long uid, long gid, long mtime, long size, String linkName,
                  int devMajor, int devMinor, long[] sparse) {
    }

    /** The next member, or null at the archive's end. */
    public Member next() throws IOException {
        skipRest();
        String longName = null;
        String longLink = null;
        Pax pax = null;
        while (true) {
            if (!readBlock(true)) {
                return null;
            }
            if (isZero(block)) {
                return null;
            }
            checkChecksum();
            char type = (char) (block[156] & 0xff);
            long stored = number(124, 12, "size");
            if (stored < 0) {
                throw corrupt("a negative size");
            }
            switch (type) {
                case 'L' -> longName = cString(metadata(stored));
                case 'K' -> longLink = cString(metadata(stored));
                case 'x' -> pax = Pax.parse(metadata(stored), pax);
                case 'g' -> metadata(stored);
                default -> {
                    return member(type, stored, longName, longLink, pax);
                }
            }
        }
    }

    /** The current member's stored bytes: its content, or for a sparse member its data segments. */
    public InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw truncated();
                }
                remaining -= n;
                offset += n;
                return n;
            }
        };
    }

    private Member member(char type, long stored, String longName, String longLink, Pax pax) throws IOException {
        boolean ustar = block[257] == 'u' && block[258] == 's' && block[259] == 't' && block[260] == 'a'
                && block[261] == 'r' && block[262] == 0;
        String name = longName != null ? longName : cString(block, 0, 100);
        if (longName == null && ustar && block[345] != 0) {
            name = cString(block, 345, 155) + "/" + name;
        }
        String link = longLink != null ? longLink : cString(block, 157, 100);
        int mode = (int) (number(100, 8, "mode") & 07777);
        long uid = number(108, 8, "uid");
        long gid = number(116, 8, "gid");
        long mtime = number(136, 12, "mtime");
        int major = (int) number(329, 8, "devmajor");
        int minor = (int) number(337, 8, "devminor");
        long size = stored;
        long[] sparse = null;
        if (type == 'S') {
            // old GNU sparse: up to 4 segments in the header, more in extension blocks
            size = number(483, 12, "realsize");
            List<long[]> segments = new ArrayList<>();
            addSegments(segments, 386, 4);
            boolean extended = block[482] != 0;
            while (extended) {
                readBlock(false);
                addSegments(segments, 0, 21);
                extended = block[504] != 0;
            }
            sparse = flatten(segments);
            type = '0';
        }
        if (pax != null) {
            name = pax.path != null ? pax.path : name;
            link = pax.linkpath != null ? pax.linkpath : link;
            uid = pax.uid != null ? pax.uid : uid;
            gid = pax.gid != null ? pax.gid : gid;
            mtime = pax.mtime != null ? pax.mtime : mtime;
            if (pax.size != null) {
                stored = pax.size;
                size = stored;
            }
            if (pax.sparseName != null) {
                name = pax.sparseName;
            }
        }
        remaining = stored;
        padding = (BLOCK - stored % BLOCK) % BLOCK;
        if (pax != null && pax.isSparse()) {
            if (pax.sparseRealSize == null) {
                throw corrupt("a sparse member without its real size");
            }
            size = pax.sparseRealSize;
            sparse = pax.sparseMajor != null && pax.sparseMajor == 1 ? readSparseMap() : pax.segments();
            type = '0';
        }
        if (type == '7' || type == 0) {
            type = '0';
        }
        if (type == 'D') {
            type = '5';
        }
        if (sparse != null) {
            checkSparse(sparse, size);
        }
        if (type != '0') {
            // only regular files have content (what another member stores, such as a GNU dump
            // directory's list, is skipped)
            size = 0;
        }
        return new Member(name, type, mode, uid, gid, mtime, size, link, major, minor, sparse);
    }

    /** The map of a pax 1.0 sparse member, at the start of its data: decimal lines, padded to a block. */
    private long[] readSparseMap() throws IOException {
        InputStream data = content();
        long used = 0;
        long[] count = new long[1];
        used += decimalLine(data, count);
        if (count[0] < 0 || count[0] > MAX_SEGMENTS) {
            throw corrupt("a sparse map of " + count[0] + " segments");
        }
        long[] map = new long[(int) count[0] * 2];
        long[] value = new long[1];
        for (int i = 0; i < map.length; i++) {
            used += decimalLine(data, value);
            map[i] = value[0];
        }
        long pad = (BLOCK - used % BLOCK) % BLOCK;
        if (data.skip(pad) != pad) {
            throw truncated();
        }
        return map;
    }

    /** Reads one decimal number and its newline; returns the bytes read. */
    private long decimalLine(InputStream data, long[] value) throws IOException {
        long v = 0;
        int n = 0;
        while (true) {
            int c = data.read();
            if (c < 0) {
                throw truncated();
            }
            n++;
            if (c == '\n' && n > 1) {
                value[0] = v;
                return n;
            }
            if (c < '0' || c > '9' || n > 19) {
                throw corrupt("a malformed sparse map");
            }
            v = v * 10 + (c - '0');
        }
    }

    private void addSegments(List<long[]> segments, int at, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            int p = at + i * 24;
            if (block[p] == 0) {
                return;
            }
            if (segments.size() >= MAX_SEGMENTS) {
                throw corrupt("more than " + MAX_SEGMENTS + " sparse segments");
            }
            segments.add(new long[] {number(p, 12, "sparse offset"), number(p + 12, 12, "sparse length")});
        }
    }

    private static long[] flatten(List<long[]> segments) {
        long[] map = new long[segments.size() * 2];
        for (int i = 0; i < segments.size(); i++) {
            map[2 * i] = segments.get(i)[0];
            map[2 * i + 1] = segments.get(i)[1];
        }
        return map;
    }

    /** Segments in order, inside the file, and their data exactly what is stored. */
    private void checkSparse(long[] map, long size) throws IOException {
        long end = 0;
        long data = 0;
        for (int i = 0; i < map.length; i += 2) {
            long off = map[i];
            long len = map[i + 1];
            if (off < end || len < 0 || off > size || len > size - off) {
                throw corrupt("a sparse map with segments out of order or beyond the file's size");
            }
            end = off + len;
            data += len;
        }
        if (size < 0 || data != remaining) {
            throw corrupt("a sparse map that disagrees with its stored data");
        }
    }

    private byte[] metadata(long size) throws IOException {
        if (size > MAX_METADATA) {
            throw corrupt("a header of " + size + " bytes (at most " + MAX_METADATA + " are accepted)");
        }
        remaining = size;
        padding = (BLOCK - size % BLOCK) % BLOCK;
        byte[] data = content().readNBytes((int) size);
        skipRest();
        return data;
    }

    /** Skips what is left of the current member's data and its padding. */
    private void skipRest() throws IOException {
        long n = remaining + padding;
        remaining = 0;
        padding = 0;
        while (n > 0) {
            long k = in.skip(n);
            if (k <= 0) {
                if (in.read() < 0) {
                    throw truncated();
                }
                k = 1;
            }
            n -= k;
            offset += k;
        }
    }

    private boolean readBlock(boolean endAllowed) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0 && endAllowed) {
            return false;
        }
        if (n < BLOCK) {
            throw truncated();
        }
        offset += BLOCK;
        return true;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private void checkChecksum() throws IOException {
        long stored = number(148, 8, "checksum");
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : block[i];
            unsigned += b & 0xff;
            signed += b;
        }
        if (stored != unsigned && stored != signed) {
            throw corrupt("a bad header checksum (not a tar archive, or damaged)");
        }
    }

    /** An octal or base-256 number field; only a time may be negative. */
    private long number(int at, int length, String field) throws IOException {
        if ((block[at] & 0x80) != 0) {
            // base-256: two's complement in the bits after the marker bit
            byte[] b = java.util.Arrays.copyOfRange(block, at, at + length);
            b[0] = (byte) ((b[0] & 0x40) != 0 ? b[0] | 0x80 : b[0] & 0x7f);
            java.math.BigInteger v = new java.math.BigInteger(b);
            if (v.bitLength() > 62 || (v.signum() < 0 && !field.equals("mtime"))) {
                throw corrupt("a " + field + " field out of range");
            }
            return v.longValue();
        }
        int i = at;
        int end = at + length;
        while (i < end && (block[i] == ' ' || block[i] == 0)) {
            i++;
        }
        long v = 0;
        for (; i < end && block[i] != ' ' && block[i] != 0; i++) {
            int d = block[i] - '0';
            if (d < 0 || d > 7 || v > (Long.MAX_VALUE >> 3)) {
                throw corrupt("a malformed " + field + " field");
            }
            v = (v << 3) | d;
        }
        return v;
    }

    private static String cString(byte[] b) {
        return cString(b, 0, b.length);
    }

    private static String cString(byte[] b, int at, int length) {
        int end = at;
        while (end < at + length && b[end] != 0) {
            end++;
        }
        return FileNames.decode(b, at, end - at); // names are bytes: any that are not UTF-8 kept as escapes
    }

    private DamagedException corrupt(String what) {
        return new DamagedException("the member header at byte " + Math.max(0, offset - BLOCK) + " has " + what);
    }

    private static EOFException truncated() {
        return new EOFException("the archive ends in the middle of a member: it is incomplete; rebuild or re-download it");
    }

    /** Archive data that is not what a tar archive holds (as opposed to a short or unreadable file). */
    public static final class DamagedException extends IOException {
        private static final long serialVersionUID = 1L;

        DamagedException(String message) {
            super(message);
        }
    }

    /** The pax records that matter here. */
    private static final class Pax {
        String path;
        String linkpath;
        Long uid;
        Long gid;
        Long mtime;
        Long size;
        Long sparseMajor;
        Long sparseRealSize;
        String sparseName;
        String sparseMap;
        final List<long[]> sparseSegments = new ArrayList<>();
        Long pendingOffset;

        boolean isSparse() {
            return sparseMajor != null || sparseMap != null || !sparseSegments.isEmpty() || sparseRealSize != null;
        }

        long[] segments() throws IOException {
            if (sparseMap != null) {
                String[] parts = sparseMap.isEmpty() ? new String[0] : sparseMap.split(",", -1);
                if (parts.length % 2 != 0 || parts.length / 2 > MAX_SEGMENTS) {
                    throw new DamagedException("a pax sparse map (GNU.sparse.map) is malformed");
                }
                long[] map = new long[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    map[i] = decimal("GNU.sparse.map", parts[i]);
                }
                return map;
            }
            return flatten(sparseSegments);
        }

        /** Parses the records of one {@code x} header, on top of {@code earlier} ones. */
        static Pax parse(byte[] data, Pax earlier) throws IOException {
            Pax pax = earlier != null ? earlier : new Pax();
            int i = 0;
            while (i < data.length) {
                int sp = i;
                long len = 0;
                while (sp < data.length && data[sp] >= '0' && data[sp] <= '9' && sp - i < 8) {
                    len = len * 10 + (data[sp] - '0');
                    sp++;
                }
                if (sp >= data.length || data[sp] != ' ' || len <= sp - i + 1 || i + len > data.length
                        || data[(int) (i + len - 1)] != '\n') {
                    throw new DamagedException("a pax header record is malformed");
                }
                int eq = sp + 1;
                int end = (int) (i + len - 1);
                while (eq < end && data[eq] != '=') {
                    eq++;
                }
                if (eq >= end) {
                    throw new DamagedException("a pax header record has no '='");
                }
                String key = new String(data, sp + 1, eq - sp - 1, StandardCharsets.UTF_8);
                String value = FileNames.decode(data, eq + 1, end - eq - 1);
                pax.apply(key, value);
                i += (int) len;
            }
            return pax;
        }

        private void apply(String key, String value) throws IOException {
            switch (key) {
                case "path" -> path = value;
                case "linkpath" -> linkpath = value;
                case "uid" -> uid = decimal(key, value);
                case "gid" -> gid = decimal(key, value);
                case "size" -> size = decimal(key, value);
                case "mtime" -> mtime = seconds(value);
                case "GNU.sparse.major" -> sparseMajor = decimal(key, value);
                case "GNU.sparse.realsize", "GNU.sparse.size" -> sparseRealSize = decimal(key, value);
                case "GNU.sparse.name" -> sparseName = value;
                case "GNU.sparse.map" -> sparseMap = value;
                case "GNU.sparse.offset" -> pendingOffset = decimal(key, value);
                case "GNU.sparse.numbytes" -> {
                    if (pendingOffset == null || sparseSegments.size() >= MAX_SEGMENTS) {
                        throw new DamagedException("a pax sparse map (GNU.sparse.offset/numbytes) is malformed");
                    }
                    sparseSegments.add(new long[] {pendingOffset, decimal(key, value)});
                    pendingOffset = null;
                }
                default -> {
                    // other records (atime, ctime, uname, gname, xattrs, ...) are not used
                }
            }
        }

        private static long decimal(String key, String value) throws IOException {
            if (value.isEmpty() || value.length() > 18) {
                throw new DamagedException("the pax record " + key + " has a malformed number");
            }
            long v = 0;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') {
                    throw new DamagedException("the pax record " + key + " has a malformed number");
                }
                v = v * 10 + (c - '0');
            }
            return v;
        }

        /** A pax time ("1700000000.123", maybe negative) in whole seconds. */
        private static long seconds(String value) throws IOException {
            String s = value;
            int dot = s.indexOf('.');
            if (dot >= 0) {
                s = s.substring(0, dot);
            }
            boolean negative = s.startsWith("-");
            long v = decimal("mtime", negative ? s.substring(1) : s);
            return negative ? -v : v;
        }
    }
}
