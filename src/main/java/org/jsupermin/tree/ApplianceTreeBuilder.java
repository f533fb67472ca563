package org.jsupermin.tree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.jsupermin.host.HostGlob;
import org.jsupermin.host.HostProbe;
import org.jsupermin.host.HostStat;
import org.jsupermin.host.HostTreeWalk;
import org.jsupermin.host.RootPaths;
import org.jsupermin.host.Xattrs;
import org.jsupermin.packages.AlternativeGroup;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageFile;
import org.jsupermin.util.AbsolutePaths;
import org.jsupermin.util.PathOrder;
import org.jsupermin.util.Reporter;

/**
 * Assembles the {@link ApplianceTree}: the packages' non-config files from the root (less what
 * {@code --minimize} leaves out) and hostfiles, minus excludefiles (also through directory-symlink
 * aliases), then extra trees (copied whole, as supermin copies the kernel's modules after
 * excludefiles applied), base images,
 * maintainer-script extras, implicit parents, hard-link groups and capabilities.
 */
public final class ApplianceTreeBuilder {

    private static final int SHOWN_UNREADABLE = 5;

    private final TreeInputs inputs;
    private final PackageDatabase db;
    private final RootPaths paths;
    /**
     * In the order first added: the packages' lists are mostly in path order already, so the
     * final sort finds long runs (twice as fast as from a hash order).
     */
    private final Map<String, TreeEntry> entries = new LinkedHashMap<>();
    /** Host identity (dev:ino) of regular files with several links, by appliance path. */
    private final Map<String, String> inodes = new HashMap<>();
    private final List<String> unreadable = new ArrayList<>();
    /** Which package brought each path, for the size report. */
    private final Map<String, String> owner = new HashMap<>();
    private final Map<String, Long> excludedBytes = new HashMap<>();
    /** The packages' file lists, read once for the tree and handed on with it. */
    private Map<InstalledPackage, List<PackageFile>> packageFiles = Map.of();
    /** The base image each path last came from, to name it when the tree is refused. */
    private final Map<String, Path> fromBaseImage = new HashMap<>();
    /** Host files whose capabilities are being read in the background, and that scan; or null. */
    private Set<Path> scanned;
    private Background<Map<Path, byte[]>> capabilityScan;

    private ApplianceTreeBuilder(TreeInputs inputs) {
        this.inputs = inputs;
        this.db = inputs.database();
        this.paths = new RootPaths(db.root());
    }

    /** Builds the tree described by {@code inputs}. */
    public static ApplianceTree build(TreeInputs inputs) throws TreeException, PackageDatabaseException, IOException {
        return new ApplianceTreeBuilder(inputs).build();
    }

    /** Builds the tree and says how many bytes each package and each excludefiles rule accounts for. */
    public static Assembly assemble(TreeInputs inputs) throws TreeException, PackageDatabaseException, IOException {
        ApplianceTreeBuilder b = new ApplianceTreeBuilder(inputs);
        return new Assembly(b.build(), b.owner, b.excludedBytes, b.packageFiles);
    }

    private ApplianceTree build() throws TreeException, PackageDatabaseException, IOException {
        Reporter reporter = inputs.reporter() == null ? Reporter.SILENT : inputs.reporter();
        reporter.begin("reading package files", -1);
        try {
            return assembleTree();
        } finally {
            reporter.end();
        }
    }

    private ApplianceTree assembleTree() throws TreeException, PackageDatabaseException, IOException {
        List<Path> baseImages = inputs.manifest().baseImages();
        BaseImagePrefetch bases = baseImages.isEmpty() ? null
                : inputs.baseImages() != null ? inputs.baseImages() : BaseImagePrefetch.start(baseImages);
        // the maintainer-script extras need only the database: read on a thread of their own while
        // the package files are listed
        Background<List<ExtraEntry>> extras = Background.start("extra-entries", () -> db.extraEntries(inputs.closure()));
        Background<List<AlternativeGroup>> alternatives = Background.start("alternatives", db::alternatives);
        addPackageFiles();
        if (inputs.minimize() != null) {
            applyMinimize(inputs.minimize());
        }
        announcePackageFiles();
        startCapabilityScan();
        addHostfiles();
        addCrossedLinks();
        addLinkedDirectories();
        applyExcludes();
        // excludefiles are for the packages' files: appliances such as libguestfs's exclude
        // /lib/modules/* to keep the packages' modules out, never the kernel's own
        for (TreeInputs.ExtraTree extra : inputs.extraTrees()) {
            addExtraTree(extra);
        }
        addCrossedLinks();
        for (int i = 0; i < baseImages.size(); i++) {
            addBaseImage(baseImages.get(i), bases.get(i));
        }
        addExtras(extras.join());
        addExtras(AlternativeLinks.choose(alternatives.join(), path -> {
            String canonical = paths.canonical(path);
            return canonical != null && entries.containsKey(canonical);
        }, inputs.reporter()));
        addSkeleton();
        if (inputs.includePackagelist()) {
            addPackagelist();
        }
        addImplicitParents();
        Function<String, String> originOf = originOf();
        TreeChecks.check(entries, originOf);
        reportUnreadable();
        List<TreeEntry> list = new ArrayList<>(entries.values());
        list = groupHardLinks(list);
        TreeChecks.checkHardLinks(list, entries, originOf);
        list = addCapabilities(list);
        if (inputs.sourceDateEpoch() != null) {
            long epoch = inputs.sourceDateEpoch();
            for (int i = 0; i < list.size(); i++) {
                list.set(i, list.get(i).clampedTo(epoch));
            }
        }
        return ApplianceTree.assembled(list);
    }

    /**
     * Adds the packages' files in closure order (a later package's file replaces an earlier one's,
     * never a directory). Every host file is looked at first, once, on two threads (see
     * {@link PackageFileListing}); the results are then applied in list order, as if each had been
     * looked at in turn.
     */
    private void addPackageFiles() throws PackageDatabaseException, IOException {
        packageFiles = db.files(inputs.closure());
        PackageFileListing listing = PackageFileListing.of(inputs.closure(), packageFiles, paths);
        for (PackageFileListing.Listed f : listing.files()) {
            addListed(f, listing);
        }
    }

    /** Tells the inputs' listener which regular files the packages bring, before the rest applies. */
    private void announcePackageFiles() {
        if (inputs.packageFilesFound() == null) {
            return;
        }
        List<TreeEntry> files = new ArrayList<>();
        for (TreeEntry e : entries.values()) {
            if (e.type() == EntryType.FILE && e.source() instanceof ContentSource.HostFile && !inodes.containsKey(e.path())) {
                files.add(e);
            }
        }
        PathOrder.sort(files, TreeEntry::path);
        inputs.packageFilesFound().accept(files);
    }

    private void addListed(PackageFileListing.Listed f, PackageFileListing listing) throws IOException {
        TreeEntry existing = entries.get(f.path());
        if (existing != null && (existing.type() == EntryType.DIRECTORY || f.diverted())) {
            return;
        }
        addProbed(f.path(), listing.host(f), listing.probe(f));
        owner.putIfAbsent(f.path(), f.packageName());
    }

    private void addHostfiles() throws IOException {
        for (String pattern : inputs.manifest().hostfiles()) {
            for (String match : HostGlob.expand(db.root(), pattern)) {
                String path = paths.canonical(match);
                if (path != null) {
                    addHost(path, paths.host(path));
                }
            }
        }
    }

    /** Adds a host directory tree (the kernel's modules), walked on another thread, at its canonical paths. */
    private void addExtraTree(TreeInputs.ExtraTree extra) throws IOException, PackageDatabaseException {
        for (HostTreeWalk.Walked w : Background.await(extra.walked(), extra.hostDir())) {
            String canon = paths.canonical(w.path());
            if (canon == null) {
                continue;
            }
            if (!w.readable()) {
                unreadable.add(w.host().toString());
                continue;
            }
            entries.put(canon, HostEntries.of(w.stat(), canon, w.host(), w.linkTarget()));
            HostStat st = w.stat();
            if (st.isRegularFile() && st.nlink() > 1) {
                inodes.put(canon, st.dev() + ":" + st.ino());
            }
        }
    }

    /** The directory symlinks crossed so far (usrmerge's /bin, /lib, …) are part of the appliance. */
    private void addCrossedLinks() throws IOException {
        for (String link : paths.directoryLinks().keySet()) {
            if (!entries.containsKey(link)) {
                addHost(link, paths.host(link));
            }
        }
    }

    /** The directory behind every symlink to a directory (/var/lock to /run/lock) is part of the appliance. */
    private void addLinkedDirectories() throws IOException {
        List<TreeEntry> links = new ArrayList<>();
        for (TreeEntry e : entries.values()) {
            if (e.type() == EntryType.SYMLINK) {
                links.add(e);
            }
        }
        for (TreeEntry link : links) {
            String target = link.linkTarget().startsWith("/") ? link.linkTarget() : link.parent() + "/" + link.linkTarget();
            String dir = paths.canonical(AbsolutePaths.normalize(target));
            if (dir != null && !entries.containsKey(dir) && Files.isDirectory(paths.host(dir), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                addHost(dir, paths.host(dir));
            }
        }
    }

    private void addHost(String path, Path host) throws IOException {
        addProbed(path, host, HostProbe.of(host));
    }

    private void addProbed(String path, Path host, HostProbe probe) throws IOException {
        switch (probe.outcome()) {
            case ABSENT -> {
                // listed by the package but removed on the host (path-exclude, admin): supermin skips it too
            }
            case UNREADABLE -> unreadable.add(host.toString());
            case FAILED -> throw probe.failure();
            case FOUND -> {
                HostStat st = probe.stat();
                entries.put(path, HostEntries.of(st, path, host, probe.linkTarget()));
                if (st.isRegularFile() && st.nlink() > 1) {
                    inodes.put(path, st.dev() + ":" + st.ino());
                }
            }
        }
    }

    /**
     * Removes what an excludefiles rule matches, and everything inside a directory it removes;
     * each removed file's bytes are credited to the rule that removed it (for a file inside a
     * removed directory, the rule that matched the outermost such directory).
     */
    private void applyExcludes() {
        List<String> patterns = inputs.manifest().excludes();
        if (patterns.isEmpty()) {
            return;
        }
        ExcludeRules rules = new ExcludeRules(patterns, paths.directoryLinks());
        // all decided before anything is removed, so that each path still sees its directories
        Map<String, String> dirRules = new HashMap<>();
        Map<String, String> excluded = new HashMap<>(); // path to rule; its order does not matter: removals and sums
        for (String path : entries.keySet()) {
            String parent = parentOf(path);
            String rule = parent != null ? removingRule(parent, rules, dirRules) : null;
            if (rule == null) {
                rule = rules.match(path);
            }
            if (rule != null) {
                excluded.put(path, "-" + rule);
            }
        }
        remove(excluded);
    }

    /** Removes the paths, crediting each removed file's bytes to the rule given for it. */
    private void remove(Map<String, String> ruleOfPath) {
        for (Map.Entry<String, String> x : ruleOfPath.entrySet()) {
            TreeEntry e = entries.remove(x.getKey());
            if (e.type() == EntryType.FILE) {
                Long sum = excludedBytes.get(x.getValue());
                excludedBytes.put(x.getValue(), sum == null ? e.size() : sum + e.size());
            }
            inodes.remove(x.getKey());
        }
    }

    /**
     * The rule that removes {@code dir} with its contents (matching {@code dir} or a directory
     * above it, the outermost first), or null; remembered per directory, so each is matched once.
     */
    private String removingRule(String dir, ExcludeRules rules, Map<String, String> known) {
        if (dir.equals("/")) {
            return null; // what is in the root is matched name by name, even when "/" itself matches
        }
        if (known.containsKey(dir)) {
            return known.get(dir);
        }
        String rule = removingRule(parentOf(dir), rules, known);
        if (rule == null) {
            TreeEntry e = entries.get(dir);
            rule = e != null && e.type() == EntryType.DIRECTORY ? rules.match(dir) : null;
        }
        known.put(dir, rule);
        return rule;
    }

    /**
     * {@code --minimize}: removes the packages' documentation, manual and info pages and
     * translations, keeping what the rules keep and the directories that lead to it.
     */
    private void applyMinimize(Minimize minimize) {
        Map<String, String> removed = new HashMap<>();
        Set<String> needed = new HashSet<>();
        for (String path : entries.keySet()) {
            String rule = minimize.rule(path);
            if (rule != null) {
                removed.put(path, rule);
            } else if (path.startsWith("/usr/share/")) {
                for (String p = parentOf(path); p != null && needed.add(p); p = parentOf(p)) {
                    // the directories above a kept file stay
                }
            }
        }
        removed.keySet().removeAll(needed);
        remove(removed);
    }

    private void addBaseImage(Path image, List<TreeEntry> members) throws TreeException, IOException {
        for (TreeEntry e : members) {
            String path = canonicalInTree(e.path());
            if (path == null) {
                throw new TreeException("base image " + image + ": member ." + e.path()
                        + " goes through a symlink loop; remove it from the archive");
            }
            TreeEntry moved = path.equals(e.path()) ? e : e.withPath(path);
            if (moved.hardLinkGroup() != null) {
                moved = moved.withHardLinkGroup(canonicalInTree(moved.hardLinkGroup()));
            }
            entries.put(path, moved);
            inodes.remove(path);
            fromBaseImage.put(path, image);
        }
    }

    /** Where a path of the tree came from, for messages: a base image, a package, or null. */
    private Function<String, String> originOf() {
        return path -> {
            Path image = fromBaseImage.get(path);
            if (image != null) {
                return "base image " + image;
            }
            String pkg = owner.get(path);
            return pkg == null ? null : "package " + pkg;
        };
    }

    /** Resolves a path through the directory symlinks of the root (as tar extraction would). */
    private String canonicalInTree(String path) throws IOException {
        return paths.canonical(path);
    }

    private void addExtras(List<ExtraEntry> extras) throws IOException {
        long now = generatedMtime();
        for (ExtraEntry x : extras) {
            String path = paths.canonical(x.path());
            if (path == null) {
                continue;
            }
            if (x.requires() != null) {
                String required = paths.canonical(x.requires());
                if (required == null || !entries.containsKey(required)) {
                    continue;
                }
            }
            if (x.symlinkTarget() != null) {
                if (!entries.containsKey(path) || entries.get(path).type() == EntryType.SYMLINK) {
                    entries.put(path, TreeEntry.symlink(path, x.symlinkTarget(), now));
                }
            } else {
                entries.put(path, new TreeEntry(path, EntryType.FILE, x.mode(), 0, x.gid(), now, x.content().length,
                        null, null, 0, 0, null, new ContentSource.Bytes(x.content(), "generated " + x.path())));
            }
            inodes.remove(path);
            fromBaseImage.remove(path);
        }
    }

    /** Mount points a container or VM expects, present even when no package lists them. */
    private void addSkeleton() {
        long now = generatedMtime();
        for (String dir : List.of("/dev", "/proc", "/sys", "/run")) {
            entries.putIfAbsent(dir, TreeEntry.directory(dir, 0755, now));
        }
        entries.putIfAbsent("/tmp", TreeEntry.directory("/tmp", 01777, now));
    }

    private void addPackagelist() {
        StringBuilder b = new StringBuilder();
        inputs.closure().stream().map(InstalledPackage::nameVersionArch).sorted().forEach(l -> b.append(l).append('\n'));
        byte[] data = b.toString().getBytes(StandardCharsets.UTF_8);
        long now = generatedMtime();
        entries.put("/packagelist", TreeEntry.file("/packagelist", 0644, now, data.length,
                new ContentSource.Bytes(data, "/packagelist")));
    }

    private void addImplicitParents() throws IOException {
        List<String> all = new ArrayList<>(entries.keySet());
        all.add("/");
        for (String path : all) {
            for (String parent = parentOf(path); parent != null; parent = parentOf(parent)) {
                TreeEntry existing = entries.get(parent);
                if (existing != null) {
                    break;
                }
                Path host = paths.host(parent);
                TreeEntry dir = null;
                if (Files.isDirectory(host, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        dir = HostEntries.of(HostStat.of(host), parent, host, null);
                    } catch (IOException e) {
                        dir = null;
                    }
                }
                if (dir == null) {
                    dir = TreeEntry.directory(parent, 0755, generatedMtime());
                }
                entries.put(parent, dir);
            }
        }
        if (!entries.containsKey("/")) {
            entries.put("/", TreeEntry.directory("/", 0755, generatedMtime()));
        }
    }

    /** The mtime of entries no host file stands behind: SOURCE_DATE_EPOCH, else the epoch itself. */
    private long generatedMtime() {
        return inputs.sourceDateEpoch() != null ? inputs.sourceDateEpoch() : 0;
    }

    private static String parentOf(String path) {
        if (path.equals("/")) {
            return null;
        }
        int i = path.lastIndexOf('/');
        return i == 0 ? "/" : path.substring(0, i);
    }

    private List<TreeEntry> groupHardLinks(List<TreeEntry> list) {
        Map<String, String> firstOfInode = new HashMap<>();
        List<String> linked = new ArrayList<>(inodes.keySet());
        linked.sort(PathOrder.COMPARATOR);
        Map<String, Integer> count = new HashMap<>();
        for (String path : linked) {
            String inode = inodes.get(path);
            Integer n = count.get(inode);
            count.put(inode, n == null ? 1 : n + 1);
        }
        for (String path : linked) {
            firstOfInode.putIfAbsent(inodes.get(path), path);
        }
        List<TreeEntry> result = new ArrayList<>(list.size());
        for (TreeEntry e : list) {
            String inode = inodes.get(e.path());
            if (inode != null && count.get(inode) > 1 && e.type() == EntryType.FILE) {
                result.add(e.withHardLinkGroup(firstOfInode.get(inode)));
            } else {
                result.add(e);
            }
        }
        return result;
    }

    /**
     * Starts reading the capabilities of the package files, so that getfattr runs while hostfiles,
     * excludes, base images and parents are applied; files added later are read at the end. Only
     * executables are asked (see {@link Xattrs}): asking every file as soon as the packages' files
     * are listed, before their modes are known, was slower: getfattr then makes three system
     * calls for every file of the packages instead of for their executables alone.
     */
    private void startCapabilityScan() {
        if (!Xattrs.available()) {
            return;
        }
        List<Path> hostFiles = new ArrayList<>();
        for (TreeEntry e : entries.values()) {
            if (e.source() instanceof ContentSource.HostFile h && Xattrs.mayHaveCapabilities(e.mode())) {
                hostFiles.add(h.path());
            }
        }
        if (hostFiles.isEmpty()) {
            return;
        }
        scanned = new HashSet<>(hostFiles);
        capabilityScan = Background.start("getfattr", () -> Xattrs.capabilities(hostFiles));
    }

    private List<TreeEntry> addCapabilities(List<TreeEntry> list) throws IOException, PackageDatabaseException {
        List<Path> hostFiles = new ArrayList<>();
        for (TreeEntry e : list) {
            if (e.source() instanceof ContentSource.HostFile h && !e.isHardLinkToEarlier() && Xattrs.mayHaveCapabilities(e.mode())) {
                hostFiles.add(h.path());
            }
        }
        if (hostFiles.isEmpty()) {
            return list;
        }
        if (!Xattrs.available()) {
            inputs.reporter().warning("getfattr not found: file capabilities (security.capability) are not copied; install the attr package");
            return list;
        }
        Map<Path, byte[]> caps = new HashMap<>();
        if (capabilityScan != null) {
            // the early scan also read files since excluded, replaced or found to be later hard links
            Set<Path> wanted = new HashSet<>(hostFiles);
            for (Map.Entry<Path, byte[]> c : capabilityScan.join().entrySet()) {
                if (wanted.contains(c.getKey())) {
                    caps.put(c.getKey(), c.getValue());
                }
            }
            List<Path> unscanned = new ArrayList<>();
            for (Path f : hostFiles) {
                if (!scanned.contains(f)) {
                    unscanned.add(f);
                }
            }
            hostFiles = unscanned;
        }
        if (!hostFiles.isEmpty()) {
            hostFiles.sort(null);
            caps.putAll(Xattrs.capabilities(hostFiles));
        }
        if (caps.isEmpty()) {
            return list;
        }
        List<TreeEntry> result = new ArrayList<>(list.size());
        for (TreeEntry e : list) {
            byte[] cap = e.source() instanceof ContentSource.HostFile h ? caps.get(h.path()) : null;
            if (cap == null) {
                result.add(e);
            } else {
                TreeMap<String, byte[]> x = new TreeMap<>(e.xattrs());
                x.put(Xattrs.CAPABILITY, cap);
                result.add(new TreeEntry(e.path(), e.type(), e.mode(), e.uid(), e.gid(), e.mtime(), e.size(),
                        e.linkTarget(), e.hardLinkGroup(), e.devMajor(), e.devMinor(), x, e.source()));
            }
        }
        return result;
    }

    private void reportUnreadable() {
        if (unreadable.isEmpty()) {
            return;
        }
        unreadable.sort(null);
        String shown = String.join(", ", unreadable.subList(0, Math.min(SHOWN_UNREADABLE, unreadable.size())));
        inputs.reporter().warning(unreadable.size() + " host file(s) could not be read and were left out ("
                + shown + (unreadable.size() > SHOWN_UNREADABLE ? ", …" : "") + "); run as root to include them");
    }
}
