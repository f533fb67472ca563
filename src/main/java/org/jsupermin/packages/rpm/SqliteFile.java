package org.jsupermin.packages.rpm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsupermin.packages.PackageDatabaseException;

/**
 * A minimal read-only reader of the SQLite 3 file format: enough to walk a table's b-tree and
 * decode its rows, with overflow pages. No journal, index or write support; a WAL file with
 * content is refused, since its pages would be newer than the main file's.
 */
public final class SqliteFile implements AutoCloseable {

    /** Receives the rows of a table in rowid order. */
    public interface RowVisitor {
        /** One row: its rowid and its column values (Long, Double, String, byte[] or null). */
        void row(long rowid, List<Object> values) throws PackageDatabaseException;
    }

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_DEPTH = 64;

    private final Path path;
    private final FileChannel channel;
    private final int pageSize;
    private final int usable;
    private final long pageCount;

    private SqliteFile(Path path, FileChannel channel, int pageSize, int usable, long pageCount) {
        this.path = path;
        this.channel = channel;
        this.pageSize = pageSize;
        this.usable = usable;
        this.pageCount = pageCount;
    }

    /** Opens {@code path} and checks its header. */
    public static SqliteFile open(Path path) throws PackageDatabaseException {
        FileChannel ch = null;
        try {
            Path wal = path.resolveSibling(path.getFileName() + "-wal");
            if (java.nio.file.Files.isRegularFile(wal) && java.nio.file.Files.size(wal) > 0) {
                throw new PackageDatabaseException("reading " + path + ": its write-ahead log " + wal
                        + " holds changes not yet written back; run `rpm -qa` as root once to checkpoint it");
            }
            ch = FileChannel.open(path, StandardOpenOption.READ);
            ByteBuffer h = ByteBuffer.allocate(100);
            while (h.hasRemaining() && ch.read(h, h.position()) > 0) {
                // fill the header
            }
            byte[] head = h.array();
            for (int i = 0; i < MAGIC.length; i++) {
                if (h.position() < 100 || head[i] != MAGIC[i]) {
                    throw new PackageDatabaseException("reading " + path + ": not an SQLite 3 database");
                }
            }
            int ps = ((head[16] & 0xff) << 8) | (head[17] & 0xff);
            if (ps == 1) {
                ps = 65536;
            }
            int reserved = head[20] & 0xff;
            if (ps < 512 || Integer.bitCount(ps) != 1 || ps - reserved < 480) {
                throw new PackageDatabaseException("reading " + path + ": bad page size " + ps);
            }
            int encoding = ByteBuffer.wrap(head).getInt(56);
            if (encoding != 0 && encoding != 1) {
                throw new PackageDatabaseException("reading " + path + ": text encoding " + encoding
                        + " is not UTF-8");
            }
            SqliteFile f = new SqliteFile(path, ch, ps, ps - reserved, ch.size() / ps);
            ch = null;
            return f;
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + path + ": " + e.getMessage(), e);
        } finally {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
        }
    }

    /** The root page of table {@code name}, from sqlite_schema on page 1. */
    public long rootPage(String name) throws PackageDatabaseException {
        long[] found = {-1};
        scan(1, (rowid, v) -> {
            if (v.size() >= 4 && "table".equals(v.get(0)) && name.equals(v.get(1)) && v.get(3) instanceof Long l) {
                found[0] = l;
            }
        });
        if (found[0] < 1) {
            throw new PackageDatabaseException("reading " + path + ": no table " + name);
        }
        return found[0];
    }

    /** Visits every row of the table whose b-tree starts at {@code rootPage}, in rowid order. */
    public void scan(long rootPage, RowVisitor visitor) throws PackageDatabaseException {
        walk(rootPage, visitor, 0, new HashSet<>());
    }

    private void walk(long pageNo, RowVisitor visitor, int depth, Set<Long> seen) throws PackageDatabaseException {
        if (depth > MAX_DEPTH || !seen.add(pageNo)) {
            throw error(pageNo, "b-tree loops back on itself");
        }
        ByteBuffer page = page(pageNo);
        int h = pageNo == 1 ? 100 : 0;
        int type = page.get(h) & 0xff;
        int cells = page.getShort(h + 3) & 0xffff;
        if (type == 0x05) {
            int pointers = h + 12;
            checkCells(pageNo, pointers, cells);
            for (int i = 0; i < cells; i++) {
                int cell = cellOffset(page, pageNo, pointers, i);
                if (cell + 4 > usable) {
                    throw error(pageNo, "cell " + i + " at offset " + cell + " runs past the end of the page");
                }
                walk(page.getInt(cell) & 0xffffffffL, visitor, depth + 1, seen);
            }
            walk(page.getInt(h + 8) & 0xffffffffL, visitor, depth + 1, seen);
        } else if (type == 0x0d) {
            int pointers = h + 8;
            checkCells(pageNo, pointers, cells);
            for (int i = 0; i < cells; i++) {
                int cell = cellOffset(page, pageNo, pointers, i);
                long[] v = varint(page, cell, pageNo);
                long payloadSize = v[0];
                long[] rowid = varint(page, (int) v[1], pageNo);
                byte[] payload = payload(page, pageNo, (int) rowid[1], payloadSize);
                visitor.row(rowid[0], SqliteRecord.decode(payload, "reading " + path + ": page " + pageNo
                        + ": row " + rowid[0]));
            }
        } else {
            throw error(pageNo, String.format("bad b-tree page type 0x%02x", type));
        }
    }

    private void checkCells(long pageNo, int pointers, int cells) throws PackageDatabaseException {
        if (pointers + 2L * cells > usable) {
            throw error(pageNo, cells + " cells do not fit in the page");
        }
    }

    private int cellOffset(ByteBuffer page, long pageNo, int pointers, int i) throws PackageDatabaseException {
        int at = page.getShort(pointers + 2 * i) & 0xffff;
        if (at < pointers || at >= usable) {
            throw error(pageNo, "cell " + i + " at offset " + at + " is outside the page");
        }
        return at;
    }

    /** A table leaf cell's payload, following overflow pages when it does not fit. */
    private byte[] payload(ByteBuffer page, long pageNo, int at, long size) throws PackageDatabaseException {
        if (size < 0 || size > Integer.MAX_VALUE - 8) {
            throw error(pageNo, "bad payload size " + size);
        }
        // the payload's pages must be in the file: a corrupt size must not make a huge array
        if (size > (long) usable * (pageCount + 1)) {
            throw error(pageNo, "payload size " + size + " is larger than the file");
        }
        int n = (int) size;
        int maxLocal = usable - 35;
        int local = n;
        if (n > maxLocal) {
            int minLocal = (usable - 12) * 32 / 255 - 23;
            int k = minLocal + (n - minLocal) % (usable - 4);
            local = k <= maxLocal ? k : minLocal;
        }
        byte[] out = new byte[n];
        if (at + local + (local < n ? 4 : 0) > usable) {
            throw error(pageNo, "cell payload runs past the end of the page");
        }
        page.get(at, out, 0, local);
        int done = local;
        long next = local < n ? page.getInt(at + local) & 0xffffffffL : 0;
        Set<Long> seen = new HashSet<>();
        while (done < n) {
            if (next < 1 || !seen.add(next)) {
                throw error(pageNo, "bad overflow page chain (page " + next + ")");
            }
            ByteBuffer o = page(next);
            int chunk = Math.min(n - done, usable - 4);
            o.get(4, out, done, chunk);
            done += chunk;
            next = o.getInt(0) & 0xffffffffL;
        }
        return out;
    }

    private ByteBuffer page(long pageNo) throws PackageDatabaseException {
        if (pageNo < 1 || pageNo > pageCount) {
            throw error(pageNo, "page number beyond the end of the file (" + pageCount + " pages)");
        }
        ByteBuffer b = ByteBuffer.allocate(pageSize);
        try {
            long pos = (pageNo - 1) * pageSize;
            while (b.hasRemaining()) {
                int r = channel.read(b, pos + b.position());
                if (r < 0) {
                    throw error(pageNo, "truncated page");
                }
            }
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + path + ": page " + pageNo + ": " + e.getMessage(), e);
        }
        return b.clear();
    }

    /** Reads a varint at {@code at}; returns {value, offset after it}. */
    private long[] varint(ByteBuffer page, int at, long pageNo) throws PackageDatabaseException {
        long v = 0;
        for (int i = 0; i < 9; i++) {
            if (at + i >= usable) {
                throw error(pageNo, "varint runs past the end of the page");
            }
            int b = page.get(at + i) & 0xff;
            if (i == 8) {
                return new long[] {(v << 8) | b, at + 9};
            }
            v = (v << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                return new long[] {v, at + i + 1};
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private PackageDatabaseException error(long pageNo, String what) {
        return new PackageDatabaseException("reading " + path + ": page " + pageNo + ": " + what);
    }

    /** The database file. */
    public Path path() {
        return path;
    }

    @Override
    public void close() throws PackageDatabaseException {
        try {
            channel.close();
        } catch (IOException e) {
            throw new PackageDatabaseException("closing " + path + ": " + e.getMessage(), e);
        }
    }

    /** For tests: every row of a table as a list. */
    List<List<Object>> rows(String table) throws PackageDatabaseException {
        List<List<Object>> out = new ArrayList<>();
        scan(rootPage(table), (rowid, v) -> out.add(v));
        return out;
    }
}
