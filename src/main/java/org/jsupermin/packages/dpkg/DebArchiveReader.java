package org.jsupermin.packages.dpkg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import io.airlift.compress.zstd.ZstdInputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.lzma.LZMACompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.jsupermin.packages.ConfigFile;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.util.IoErrors;

/** Reads chosen files (conffiles) out of a .deb: an ar archive holding a data.tar[.gz|.xz|...]. */
public final class DebArchiveReader {

    private DebArchiveReader() {
    }

    /**
     * The members of {@code deb}'s data archive at {@code paths} ("/etc/foo"), with their mode and
     * symlink target as the archive records them. Paths absent from the archive are left out.
     */
    public static List<ConfigFile> read(Path deb, Collection<String> paths, String packageName)
            throws PackageDatabaseException {
        Set<String> wanted = new TreeSet<>(paths);
        try (InputStream file = new BufferedInputStream(Files.newInputStream(deb), 1 << 16);
             ArArchiveInputStream ar = new ArArchiveInputStream(file)) {
            ArArchiveEntry entry;
            boolean sawDebianBinary = false;
            while ((entry = ar.getNextEntry()) != null) {
                String name = entry.getName();
                if (name.equals("debian-binary")) {
                    sawDebianBinary = true;
                } else if (name.startsWith("data.tar")) {
                    if (!sawDebianBinary) {
                        break;
                    }
                    return readData(deb, name, ar, wanted, packageName);
                }
            }
            throw new PackageDatabaseException("reading " + deb + ": not a Debian package (no debian-binary and"
                    + " data.tar member); the file may be truncated or corrupt, delete it and retry");
        } catch (IOException | RuntimeException e) {
            throw new PackageDatabaseException("reading " + deb + ": " + describe(e)
                    + "; the file may be truncated or corrupt, delete it and retry", e);
        }
    }

    private static List<ConfigFile> readData(Path deb, String member, InputStream ar, Set<String> wanted,
                                             String packageName) throws IOException, PackageDatabaseException {
        InputStream data = decompress(deb, member, ar);
        TarArchiveInputStream tar = new TarArchiveInputStream(data);
        List<ConfigFile> found = new ArrayList<>();
        Map<String, ConfigFile> byPath = new HashMap<>();
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String path = normalize(entry.getName());
            if (!wanted.contains(path)) {
                continue;
            }
            int mode = entry.getMode() & 07777;
            ConfigFile cf;
            if (entry.isSymbolicLink()) {
                cf = new ConfigFile(path, 0777, entry.getLinkName(), new byte[0], packageName);
            } else if (entry.isLink()) {
                ConfigFile target = byPath.get(normalize(entry.getLinkName()));
                byte[] content = target == null ? new byte[0] : target.content();
                cf = new ConfigFile(path, mode, null, content, packageName);
            } else if (entry.isFile()) {
                cf = new ConfigFile(path, mode, null, tar.readAllBytes(), packageName);
            } else {
                continue;
            }
            found.add(cf);
            byPath.put(path, cf);
        }
        return found;
    }

    private static InputStream decompress(Path deb, String member, InputStream in)
            throws IOException, PackageDatabaseException {
        return switch (member) {
            case "data.tar" -> in;
            case "data.tar.gz" -> GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
            case "data.tar.xz" -> XZCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
            case "data.tar.bz2" -> new BZip2CompressorInputStream(in, true);
            case "data.tar.lzma" -> new LZMACompressorInputStream(in);
            case "data.tar.zst" -> new ZstdInputStream(in); // Ubuntu's .debs since 21.10
            default -> throw new PackageDatabaseException("reading " + deb + ": unknown data member " + member);
        };
    }

    /** "./etc/foo" and "etc/foo" become "/etc/foo". */
    static String normalize(String name) {
        String n = name.startsWith("./") ? name.substring(1) : name.startsWith("/") ? name : "/" + name;
        if (n.length() > 1 && n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }

    private static String describe(Exception e) {
        if (e instanceof java.io.EOFException) {
            return "unexpected end of file";
        }
        return e instanceof IOException io ? IoErrors.describe(io) : e.toString();
    }
}
