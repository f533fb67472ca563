package org.jsupermin.packages.apk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.FileMetadata;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.MultiArch;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.packages.Provide;
import org.jsupermin.packages.Relation;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.IoErrors;
import org.jsupermin.util.TextLines;

/**
 * Reads apk's {@code lib/apk/db/installed}: blank-line separated blocks of {@code K:value} lines
 * (P name, V version, A arch, D depends, p provides, F directory, M its uid:gid:mode, R file in
 * it, a the file's uid:gid:mode). Files under /etc are config files.
 */
final class ApkInstalledReader {

    /** One package with its files. */
    record Entry(InstalledPackage pkg, List<PackageFile> files) {
    }

    private ApkInstalledReader() {
    }

    static List<Entry> read(Path file) throws PackageDatabaseException {
        List<String> lines;
        try {
            // apk keeps names and values as bytes: any that are not UTF-8 kept as escapes, as file names are
            lines = TextLines.of(FileNames.decode(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + file + ": " + IoErrors.describe(e), e);
        }
        List<Entry> out = new ArrayList<>();
        Block b = null;
        for (int n = 0; n <= lines.size(); n++) {
            String line = n < lines.size() ? lines.get(n) : "";
            if (line.isEmpty()) {
                if (b != null) {
                    out.add(b.finish(file, n));
                    b = null;
                }
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != ':') {
                throw new PackageDatabaseException("reading " + file + " line " + (n + 1) + ": not a K:value line");
            }
            if (b == null) {
                b = new Block();
            }
            b.add(line.charAt(0), line.substring(2), file, n + 1);
        }
        return out;
    }

    /** The fields of one package block as they are read. */
    private static final class Block {
        String name;
        String version;
        String arch = "noarch";
        List<List<Dependency>> depends = new ArrayList<>();
        List<Provide> provides = new ArrayList<>();
        List<PackageFile> files = new ArrayList<>();
        String dir;
        String lastFile;

        void add(char key, String value, Path file, int line) throws PackageDatabaseException {
            switch (key) {
                case 'P' -> name = value;
                case 'V' -> version = value;
                case 'A' -> arch = value;
                case 'D' -> {
                    for (String d : value.split(" ")) {
                        if (!d.isEmpty() && !d.startsWith("!")) {
                            try {
                                depends.add(List.of(dependency(d)));
                            } catch (IllegalArgumentException e) {
                                throw new PackageDatabaseException("reading " + file + " line " + line
                                        + ": dependency " + FileNames.printable(d, 80) + ": " + e.getMessage());
                            }
                        }
                    }
                }
                case 'p' -> {
                    for (String p : value.split(" ")) {
                        if (!p.isEmpty()) {
                            int eq = p.indexOf('=');
                            provides.add(eq < 0 ? new Provide(p, null) : new Provide(p.substring(0, eq), p.substring(eq + 1)));
                        }
                    }
                }
                case 'F' -> {
                    dir = "/" + value;
                    lastFile = null;
                    files.add(new PackageFile(dir, dir, false, null));
                }
                case 'M' -> replaceLast(dir, 040000, value, file, line);
                case 'R' -> {
                    if (dir == null) {
                        throw new PackageDatabaseException("reading " + file + " line " + line + ": R: before any F:");
                    }
                    lastFile = dir.equals("/") ? "/" + value : dir + "/" + value;
                    files.add(new PackageFile(lastFile, lastFile, lastFile.startsWith("/etc/"), null));
                }
                case 'a' -> replaceLast(lastFile, 0100000, value, file, line);
                default -> {
                    // other fields (checksums, origin, maintainer, ...) are not needed
                }
            }
        }

        /** Gives the last listed dir or file its uid:gid:mode; mode 0777 on a file means a symlink. */
        private void replaceLast(String path, int type, String value, Path file, int line)
                throws PackageDatabaseException {
            String[] f = value.split(":");
            PackageFile last = files.isEmpty() ? null : files.get(files.size() - 1);
            if (path == null || last == null || !last.path().equals(path) || f.length != 3) {
                throw new PackageDatabaseException("reading " + file + " line " + line + ": misplaced or bad "
                        + "permissions " + FileNames.printable(value, 80));
            }
            try {
                int perm = Integer.parseInt(f[2], 8);
                int mode = (type == 0100000 && perm == 0777 ? 0120000 : type) | perm;
                FileMetadata m = new FileMetadata(mode, Integer.parseInt(f[0]), Integer.parseInt(f[1]), null, -1);
                files.set(files.size() - 1, new PackageFile(last.path(), last.sourcePath(), last.config(), m));
            } catch (NumberFormatException e) {
                throw new PackageDatabaseException("reading " + file + " line " + line + ": bad permissions "
                        + FileNames.printable(value, 80));
            }
        }

        Entry finish(Path file, int line) throws PackageDatabaseException {
            if (name == null || version == null) {
                throw new PackageDatabaseException("reading " + file + " line " + line + ": package block without P: or V:");
            }
            return new Entry(new InstalledPackage(name, version, arch, MultiArch.NO, depends, provides, ""), files);
        }
    }

    /**
     * "so:libc.musl-x86_64.so.1", "busybox>=1.36", "foo=1.2-r0", "bar~1.2" (read as >=),
     * "baz@testing" (the repository tag is dropped).
     *
     * @throws IllegalArgumentException naming an operator apk does not have ("=<", "><>=")
     */
    static Dependency dependency(String text) {
        String d = text;
        int at = d.indexOf('@');
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c == '<' || c == '>' || c == '=' || c == '~') {
                int j = i + 1;
                while (j < d.length() && "<>=~".indexOf(d.charAt(j)) >= 0) {
                    j++;
                }
                String op = d.substring(i, j).replace("~", "");
                Relation r = op.isEmpty() ? Relation.GE : op.equals("><") ? null : Relation.parse(op);
                String name = at >= 0 && at < i ? d.substring(0, at) : d.substring(0, i);
                return r == null ? Dependency.on(name) : new Dependency(name, null, r, d.substring(j));
            }
        }
        return Dependency.on(at >= 0 ? d.substring(0, at) : d);
    }
}
