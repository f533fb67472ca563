package org.jsupermin.packages.dpkg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsupermin.packages.AlternativeGroup;
import org.jsupermin.packages.ConfigFile;
import org.jsupermin.packages.ConfigFileOptions;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.packages.ImageDatabase;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.packages.VersionScheme;
import org.jsupermin.util.PathOrder;
import org.jsupermin.util.TextLines;
import org.jsupermin.util.IoErrors;

/** A root's dpkg database, read directly from {@code var/lib/dpkg} (status, info/*.list, diversions). */
public final class DpkgDatabase implements PackageDatabase {

    private final Path root;
    private final long sourceDateEpoch;
    private final DpkgStatus status;
    private final String nativeArch;
    private final List<String> foreignArchs;
    private final FileLists fileLists;
    private Diversions diversions;

    /**
     * Reads the status file of {@code root}.
     *
     * @param sourceDateEpoch seconds since the epoch for generated files' dates (/etc/shadow)
     */
    public DpkgDatabase(Path root, long sourceDateEpoch) throws PackageDatabaseException {
        this.root = root;
        this.sourceDateEpoch = sourceDateEpoch;
        Path dpkgDir = root.resolve("var/lib/dpkg");
        this.status = DpkgStatus.read(dpkgDir.resolve("status"));
        List<String> archLines = readArchFile(dpkgDir.resolve("arch"));
        this.nativeArch = findNativeArch(archLines);
        List<String> foreign = new ArrayList<>();
        for (String a : archLines) {
            if (!a.equals(nativeArch) && !foreign.contains(a)) {
                foreign.add(a);
            }
        }
        this.foreignArchs = List.copyOf(foreign);
        this.fileLists = new FileLists(dpkgDir.resolve("info"));
    }

    @Override
    public String driverName() {
        return "dpkg";
    }

    @Override
    public Path root() {
        return root;
    }

    /** The Architecture of the installed dpkg package, as {@code dpkg --print-architecture} says. */
    @Override
    public String nativeArch() {
        return nativeArch;
    }

    /** The foreign architectures added with {@code dpkg --add-architecture}, in the order dpkg lists them. */
    public List<String> foreignArchs() {
        return foreignArchs;
    }

    /**
     * The status file and the architectures file (all that the packages and the native
     * architecture come from), and the directories of the alternatives database and links
     * (update-alternatives replaces their files by renaming, which changes the directories).
     */
    @Override
    public List<Path> stateFiles() {
        return List.of(status.file(), root.resolve("var/lib/dpkg/arch"), root.resolve("var/lib/dpkg/alternatives"),
                root.resolve("etc/alternatives"));
    }

    @Override
    public VersionScheme versionScheme() {
        return DebianVersion.INSTANCE;
    }

    @Override
    public List<InstalledPackage> installedPackages() {
        return status.packages();
    }

    /** The live conffiles the status file records for {@code pkg}. */
    public List<String> conffiles(InstalledPackage pkg) throws PackageDatabaseException {
        return status.conffilesOf(pkg);
    }

    @Override
    public Map<InstalledPackage, List<PackageFile>> files(Collection<InstalledPackage> packages)
            throws PackageDatabaseException {
        Diversions div = diversions();
        Map<InstalledPackage, List<PackageFile>> result = new TreeMap<>();
        for (InstalledPackage pkg : packages) {
            Set<String> conf = Set.copyOf(status.conffilesOf(pkg));
            List<PackageFile> files = new ArrayList<>();
            for (String path : fileLists.read(pkg)) {
                files.add(new PackageFile(path, div.sourcePath(path, pkg.name()), conf.contains(path), null));
            }
            result.put(pkg, List.copyOf(files));
        }
        return result;
    }

    /**
     * Reads each list as bytes and looks for the paths as whole lines, without the conffiles
     * and diversions that {@link #files} works out for every listed path: on a host of a
     * thousand packages the answer is often a few hundred lists away.
     */
    @Override
    public InstalledPackage firstListing(Collection<String> paths) throws PackageDatabaseException {
        for (InstalledPackage pkg : installedPackages()) {
            if (fileLists.namesAny(pkg, paths)) {
                return pkg;
            }
        }
        return null;
    }

    /**
     * Source (with its version), Installed-Size, Maintainer, Homepage and the status paragraph of
     * each package, from one read of the status file. dpkg records no license (see
     * {@code /usr/share/doc/NAME/copyright}) and no checksum of an installed package.
     */
    @Override
    public Map<InstalledPackage, PackageDetails> details(Collection<InstalledPackage> packages)
            throws PackageDatabaseException {
        return DpkgDetails.read(status, packages);
    }

    /** The status paragraphs and info files of {@code contained}, and what dpkg needs to run (see {@link DpkgImageDatabase}). */
    @Override
    public ImageDatabase imageDatabase(Collection<InstalledPackage> contained,
                                       Map<InstalledPackage, PackageDetails> details) throws PackageDatabaseException {
        return new DpkgImageDatabase(root, diversions()).write(contained, details);
    }

    @Override
    public List<ConfigFile> configFiles(Collection<InstalledPackage> packages, ConfigFileOptions options)
            throws PackageDatabaseException {
        // sorted maps (in the TreeSet's order): hashing the package records would start the
        // JVM's record-method machinery, a noticeable cost in a short run
        Map<InstalledPackage, List<String>> present = new TreeMap<>();
        Set<String> seen = new TreeSet<>();
        for (InstalledPackage pkg : new TreeSet<>(packages)) {
            List<String> paths = new ArrayList<>();
            for (String path : status.conffilesOf(pkg)) {
                if (path.startsWith("/etc/") && Files.exists(onRoot(path), LinkOption.NOFOLLOW_LINKS) && seen.add(path)) {
                    paths.add(path);
                }
            }
            if (!paths.isEmpty()) {
                present.put(pkg, paths);
            }
        }
        List<ConfigFile> result = new ArrayList<>();
        if (options.useInstalled()) {
            for (Map.Entry<InstalledPackage, List<String>> e : present.entrySet()) {
                for (String path : e.getValue()) {
                    result.add(readInstalled(path, e.getKey().name()));
                }
            }
        } else if (!present.isEmpty()) {
            // a conffile whose content still has the md5sum dpkg recorded at unpacking is the
            // pristine file; only edited ones need the package archive
            Map<InstalledPackage, List<String>> edited = new TreeMap<>();
            for (Map.Entry<InstalledPackage, List<String>> e : present.entrySet()) {
                for (String path : e.getValue()) {
                    if (PristineCheck.unchanged(onRoot(path), status.conffileDigest(path))) {
                        result.add(readInstalled(path, e.getKey().name()));
                    } else {
                        edited.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(path);
                    }
                }
            }
            if (!edited.isEmpty()) {
                Map<String, Path> debs = new DebLocator(root).locate(edited.keySet(), options);
                for (Map.Entry<InstalledPackage, List<String>> e : edited.entrySet()) {
                    InstalledPackage pkg = e.getKey();
                    result.addAll(DebArchiveReader.read(debs.get(pkg.id()), e.getValue(), pkg.name()));
                }
            }
        }
        result.sort(CONFIG_FILES_BY_PATH);
        return result;
    }

    private static final Comparator<ConfigFile> CONFIG_FILES_BY_PATH =
            Comparator.comparing(ConfigFile::path, PathOrder.COMPARATOR);

    @Override
    public List<ExtraEntry> extraEntries(Collection<InstalledPackage> closure) throws PackageDatabaseException {
        List<ExtraEntry> result = new ArrayList<>();
        for (InstalledPackage p : closure) {
            if (p.name().equals("base-passwd")) {
                result.addAll(new AccountFiles(root, sourceDateEpoch).entries());
                break;
            }
        }
        result.sort(ExtraEntry.BY_PATH);
        return result;
    }

    @Override
    public List<AlternativeGroup> alternatives() throws PackageDatabaseException {
        return new Alternatives(root).groups();
    }

    private synchronized Diversions diversions() throws PackageDatabaseException {
        if (diversions == null) {
            diversions = Diversions.read(root.resolve("var/lib/dpkg/diversions"));
        }
        return diversions;
    }

    private Path onRoot(String path) {
        return root.resolve(path.substring(1));
    }

    private ConfigFile readInstalled(String path, String packageName) throws PackageDatabaseException {
        try {
            return ConfigFile.installed(root, path, packageName, 07777);
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + onRoot(path) + ": " + IoErrors.describe(e), e);
        }
    }

    private static List<String> readArchFile(Path file) throws PackageDatabaseException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> lines = new ArrayList<>();
            for (String line : TextLines.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))) {
                if (!line.strip().isEmpty()) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + file + ": " + IoErrors.describe(e), e);
        }
    }

    /** dpkg's own architecture; else the first line of the arch file; else the commonest package arch. */
    private String findNativeArch(List<String> archLines) throws PackageDatabaseException {
        for (InstalledPackage p : status.packages()) {
            if (p.name().equals("dpkg") && !p.arch().equals("all")) {
                return p.arch();
            }
        }
        if (!archLines.isEmpty()) {
            return archLines.get(0);
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (InstalledPackage p : status.packages()) {
            if (!p.arch().equals("all")) {
                counts.merge(p.arch(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new PackageDatabaseException("cannot tell the native architecture of " + root
                        + ": no dpkg package and no architecture-specific package in " + status.file()));
    }
}
