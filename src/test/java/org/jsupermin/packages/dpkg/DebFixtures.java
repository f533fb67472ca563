package org.jsupermin.packages.dpkg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** Builds small .deb files and copies of the fixture root for tests. */
final class DebFixtures {

    /** The hand-written fixture root. */
    static final Path ROOT = Path.of("test-fixtures/dpkg-root").toAbsolutePath();

    private DebFixtures() {
    }

    /** One member of a .deb's data archive: a file (content, mode) or a symlink. */
    record Member(String name, byte[] content, int mode, String linkTarget) {

        static Member file(String name, String content, int mode) {
            return new Member(name, content.getBytes(StandardCharsets.UTF_8), mode, null);
        }

        static Member symlink(String name, String target) {
            return new Member(name, new byte[0], 0777, target);
        }
    }

    /** Writes a .deb whose data member is named {@code dataMember} (data.tar, data.tar.gz, data.tar.xz...). */
    static Path writeDeb(Path file, String dataMember, Member... members) throws IOException {
        byte[] tar = tar(members);
        byte[] data = switch (dataMember) {
            case "data.tar" -> tar;
            case "data.tar.zst" -> compress(tar, io.airlift.compress.zstd.ZstdOutputStream::new);
            case "data.tar.gz" -> compress(tar, GzipCompressorOutputStream::new);
            case "data.tar.xz" -> compress(tar, XZCompressorOutputStream::new);
            default -> throw new IllegalArgumentException(dataMember);
        };
        Map<String, byte[]> ar = new LinkedHashMap<>();
        ar.put("debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
        ar.put("control.tar.gz", compress(tar(Member.file("./control", "Package: x\n", 0644)), GzipCompressorOutputStream::new));
        ar.put(dataMember, data);
        Files.createDirectories(file.getParent());
        try (ArArchiveOutputStream out = new ArArchiveOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : ar.entrySet()) {
                out.putArchiveEntry(new ArArchiveEntry(e.getKey(), e.getValue().length, 0, 0, 0100644, 0));
                out.write(e.getValue());
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    private interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(byte[] data, Compressor c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = c.wrap(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] tar(Member... members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Member m : members) {
                TarArchiveEntry e;
                if (m.linkTarget() != null) {
                    e = new TarArchiveEntry(m.name(), TarArchiveEntry.LF_SYMLINK);
                    e.setLinkName(m.linkTarget());
                } else {
                    e = new TarArchiveEntry(m.name());
                    e.setSize(m.content().length);
                }
                e.setMode((m.linkTarget() != null ? 0120000 : 0100000) | m.mode());
                out.putArchiveEntry(e);
                out.write(m.content());
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Copies the fixture root (symlinks as symlinks) into {@code dir}. */
    static Path copyRoot(Path dir) throws IOException {
        Path target = dir.resolve("root");
        try (Stream<Path> s = Files.walk(ROOT)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path dest = target.resolve(ROOT.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(dest, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return target;
    }
}
