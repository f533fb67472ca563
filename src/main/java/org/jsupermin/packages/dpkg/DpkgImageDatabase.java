package org.jsupermin.packages.dpkg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.packages.ImageDatabase;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.IoErrors;
import org.jsupermin.util.TextLines;

/**
 * dpkg's database for an image of some of a root's packages: {@code status} with their paragraphs
 * (sorted by name then architecture, as dpkg writes it), their {@code info/} files as the host
 * has them (file lists, md5sums, conffiles, shlibs, symbols, triggers, templates and maintainer
 * scripts, so that a later removal or upgrade inside the image runs as on the host), the trigger
 * interests of those packages, their diversions, the database's format and architectures, and the
 * directories dpkg needs to run ({@code updates/} above all: dpkg refuses to start without it).
 */
final class DpkgImageDatabase {

    static final String DIR = "/var/lib/dpkg";
    /** The control files dpkg keeps per package in info/, by suffix: scripts are executable. */
    private static final Set<String> DATA = Set.of("list", "md5sums", "conffiles", "shlibs", "symbols", "triggers",
            "templates");
    private static final Set<String> SCRIPTS = Set.of("preinst", "postinst", "prerm", "postrm", "config");

    private final Path dpkgDir;
    private final Diversions diversions;

    /** The database of {@code root}, whose diversions file has been read as {@code diversions}. */
    DpkgImageDatabase(Path root, Diversions diversions) {
        this.dpkgDir = root.resolve("var/lib/dpkg");
        this.diversions = diversions;
    }

    ImageDatabase write(Collection<InstalledPackage> contained, Map<InstalledPackage, PackageDetails> details)
            throws PackageDatabaseException {
        List<ExtraEntry> files = new ArrayList<>();
        StringBuilder status = new StringBuilder();
        Set<String> names = new TreeSet<>();
        Set<String> qualified = new TreeSet<>();
        for (InstalledPackage p : new TreeSet<>(contained)) {
            status.append(details.get(p).record()).append('\n');
            names.add(p.name());
            qualified.add(p.name() + ":" + p.arch());
        }
        files.add(file("status", FileNames.encode(status.toString()), 0644));
        files.addAll(infoFiles(names, qualified));
        byte[] format = read("info/format");
        files.add(file("info/format", format != null ? format : "1\n".getBytes(StandardCharsets.US_ASCII), 0644));
        byte[] arch = read("arch");
        if (arch != null) {
            files.add(file("arch", arch, 0644));
        }
        byte[] diverted = diversions(names);
        if (diverted.length > 0) {
            files.add(file("diversions", diverted, 0644));
        }
        files.addAll(triggers(names));
        List<String> dirs = new ArrayList<>();
        for (String d : new String[] {"", "/alternatives", "/info", "/parts", "/triggers", "/updates"}) {
            dirs.add(DIR + d);
        }
        return new ImageDatabase(dirs, files, "");
    }

    /** The info/ files of the packages: "NAME.SUFFIX" or "NAME:ARCH.SUFFIX", one read of the directory. */
    private List<ExtraEntry> infoFiles(Set<String> names, Set<String> qualified) throws PackageDatabaseException {
        Path info = dpkgDir.resolve("info");
        List<ExtraEntry> out = new ArrayList<>();
        List<Path> wanted = new ArrayList<>();
        // names only (a host's info directory holds thousands of files)
        String[] listed = info.toFile().list();
        if (listed == null) {
            if (Files.isDirectory(info)) {
                throw new PackageDatabaseException("reading " + info + ": cannot list the directory");
            }
            return out;
        }
        for (String name : listed) {
            int dot = name.lastIndexOf('.');
            if (dot <= 0) {
                continue;
            }
            String owner = name.substring(0, dot);
            String suffix = name.substring(dot + 1);
            if ((DATA.contains(suffix) || SCRIPTS.contains(suffix))
                    && (owner.indexOf(':') < 0 ? names.contains(owner) : qualified.contains(owner))) {
                wanted.add(info.resolve(name));
            }
        }
        wanted.sort(null);
        for (Path f : wanted) {
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String name = f.getFileName().toString();
            String suffix = name.substring(name.lastIndexOf('.') + 1);
            out.add(file("info/" + name, readFile(f), SCRIPTS.contains(suffix) ? 0755 : 0644));
        }
        return out;
    }

    /** The diversions the contained packages made (local ones are the host's business), as dpkg-divert writes them. */
    private byte[] diversions(Set<String> names) {
        StringBuilder b = new StringBuilder();
        for (Diversions.Diversion d : diversions.byPath().values()) {
            if (d.divertedBy() != null && names.contains(d.divertedBy())) {
                b.append(d.from()).append('\n').append(d.to()).append('\n').append(d.divertedBy()).append('\n');
            }
        }
        return FileNames.encode(b.toString());
    }

    /**
     * The trigger interests of the contained packages: {@code triggers/File} ("PATH PACKAGE[/noawait]"
     * lines) and one file per explicit trigger ("PACKAGE[/noawait]" lines), each left out when no
     * contained package is interested; an empty {@code Unincorp} (no trigger pending).
     */
    private List<ExtraEntry> triggers(Set<String> names) throws PackageDatabaseException {
        Path dir = dpkgDir.resolve("triggers");
        List<ExtraEntry> out = new ArrayList<>();
        Map<String, byte[]> kept = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path f : s) {
                files.add(f);
            }
        } catch (NoSuchFileException e) {
            files = List.of();
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + dir + ": " + IoErrors.describe(e), e);
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.equals("Unincorp") || name.equals("Lock") || name.startsWith(".")
                    || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            StringBuilder b = new StringBuilder();
            for (String line : TextLines.of(FileNames.decode(readFile(f)))) {
                String[] words = line.strip().split("\\s+");
                String pkg = name.equals("File") ? (words.length == 2 ? words[1] : "") : words[0];
                int slash = pkg.indexOf('/');
                pkg = slash < 0 ? pkg : pkg.substring(0, slash);
                int colon = pkg.indexOf(':');
                if (names.contains(colon < 0 ? pkg : pkg.substring(0, colon))) {
                    b.append(line).append('\n');
                }
            }
            if (b.length() > 0) {
                kept.put(name, FileNames.encode(b.toString()));
            }
        }
        for (Map.Entry<String, byte[]> e : kept.entrySet()) {
            out.add(file("triggers/" + e.getKey(), e.getValue(), 0644));
        }
        out.add(file("triggers/Unincorp", new byte[0], 0644));
        return out;
    }

    private byte[] read(String relative) throws PackageDatabaseException {
        Path f = dpkgDir.resolve(relative);
        return Files.isRegularFile(f) ? readFile(f) : null;
    }

    private static byte[] readFile(Path f) throws PackageDatabaseException {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + f + ": " + IoErrors.describe(e), e);
        }
    }

    private static ExtraEntry file(String relative, byte[] content, int mode) {
        return ExtraEntry.file(DIR + "/" + relative, content, mode, 0);
    }
}
