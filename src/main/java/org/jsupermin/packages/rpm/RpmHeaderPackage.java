package org.jsupermin.packages.rpm;

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

/**
 * What one rpm header says about its package: name, EVR, requirements, provides and files.
 *
 * <p>Requirements that never matter in an appliance are dropped: {@code rpmlib(...)} features
 * (and anything flagged RPMSENSE_RPMLIB), {@code config(...)} self-requirements, {@code
 * Requires(missingok)}, and requirements only for erase-time or verify scriptlets
 * ({@code Requires(preun)}, {@code Requires(postun)}, {@code Requires(verify)}). Install-time
 * scriptlet requirements ({@code Requires(pre)}, {@code Requires(post)}) are kept, because
 * packages such as {@code filesystem} are pulled in only that way. Ghost files (listed but not
 * shipped) are left out of the file list.
 *
 * @param pkg the package, its provides without file paths
 * @param files its files, in header order
 */
public record RpmHeaderPackage(InstalledPackage pkg, List<PackageFile> files) {

    private static final int ERASE_ONLY = RpmTag.SENSE_SCRIPT_PREUN | RpmTag.SENSE_SCRIPT_POSTUN
            | RpmTag.SENSE_SCRIPT_VERIFY;
    private static final int INSTALL_TIME = RpmTag.SENSE_SCRIPT_PRE | RpmTag.SENSE_SCRIPT_POST
            | RpmTag.SENSE_PRETRANS | RpmTag.SENSE_POSTTRANS;

    /** Reads the package a header describes; {@code where} names it in errors. */
    public static RpmHeaderPackage of(RpmHeader h, AccountNames accounts, String where)
            throws PackageDatabaseException {
        String name = h.string(RpmTag.NAME);
        String version = h.string(RpmTag.VERSION);
        String release = h.string(RpmTag.RELEASE);
        if (name == null || version == null || release == null) {
            throw new PackageDatabaseException(where + ": rpm header without name, version or release");
        }
        long epoch = h.number(RpmTag.EPOCH, -1);
        String evr = (epoch >= 0 ? epoch + ":" : "") + version + "-" + release;
        String arch = h.string(RpmTag.ARCH);
        if (arch == null) {
            arch = "noarch"; // gpg-pubkey pseudo-packages have none
        }
        InstalledPackage pkg = new InstalledPackage(name, evr, arch, MultiArch.NO, requires(h, where),
                provides(h, name), h.string(RpmTag.VENDOR));
        return new RpmHeaderPackage(pkg, files(h, accounts, where));
    }

    private static List<List<Dependency>> requires(RpmHeader h, String where) throws PackageDatabaseException {
        List<String> names = h.strings(RpmTag.REQUIRENAME);
        long[] flags = h.numbers(RpmTag.REQUIREFLAGS);
        List<String> versions = h.strings(RpmTag.REQUIREVERSION);
        List<List<Dependency>> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            int f = i < flags.length ? (int) flags[i] : 0;
            String v = i < versions.size() ? versions.get(i) : "";
            if (n.startsWith("rpmlib(") || n.startsWith("config(")
                    || (f & (RpmTag.SENSE_RPMLIB | RpmTag.SENSE_CONFIG | RpmTag.SENSE_MISSINGOK)) != 0
                    || ((f & ERASE_ONLY) != 0 && (f & INSTALL_TIME) == 0)) {
                continue;
            }
            if (n.startsWith("(")) {
                try {
                    out.addAll(RichDependency.parse(n));
                } catch (IllegalArgumentException e) {
                    throw new PackageDatabaseException(where + ": requirement " + n + ": " + e.getMessage());
                }
                continue;
            }
            Relation r = relation(f);
            out.add(List.of(r == null || v.isEmpty() ? Dependency.on(n) : new Dependency(n, null, r, v)));
        }
        return out;
    }

    private static List<Provide> provides(RpmHeader h, String self) throws PackageDatabaseException {
        List<String> names = h.strings(RpmTag.PROVIDENAME);
        long[] flags = h.numbers(RpmTag.PROVIDEFLAGS);
        List<String> versions = h.strings(RpmTag.PROVIDEVERSION);
        List<Provide> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(self)) {
                continue;
            }
            int f = i < flags.length ? (int) flags[i] : 0;
            String v = i < versions.size() ? versions.get(i) : "";
            boolean versioned = (f & RpmTag.SENSE_EQUAL) != 0 && !v.isEmpty();
            out.add(new Provide(names.get(i), versioned ? v : null));
        }
        return out;
    }

    private static Relation relation(int flags) {
        boolean lt = (flags & RpmTag.SENSE_LESS) != 0;
        boolean gt = (flags & RpmTag.SENSE_GREATER) != 0;
        boolean eq = (flags & RpmTag.SENSE_EQUAL) != 0;
        if (lt && !gt) {
            return eq ? Relation.LE : Relation.LT;
        }
        if (gt && !lt) {
            return eq ? Relation.GE : Relation.GT;
        }
        return eq && !lt ? Relation.EQ : null;
    }

    private static List<PackageFile> files(RpmHeader h, AccountNames accounts, String where)
            throws PackageDatabaseException {
        List<String> paths = paths(h, where);
        long[] modes = h.numbers(RpmTag.FILEMODES);
        long[] flags = h.numbers(RpmTag.FILEFLAGS);
        long[] sizes = h.has(RpmTag.LONGFILESIZES) ? h.numbers(RpmTag.LONGFILESIZES) : h.numbers(RpmTag.FILESIZES);
        List<String> users = h.strings(RpmTag.FILEUSERNAME);
        List<String> groups = h.strings(RpmTag.FILEGROUPNAME);
        List<String> links = h.strings(RpmTag.FILELINKTOS);
        List<PackageFile> out = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            int f = i < flags.length ? (int) flags[i] : 0;
            if ((f & RpmTag.FILE_GHOST) != 0) {
                continue;
            }
            String link = i < links.size() && !links.get(i).isEmpty() ? links.get(i) : null;
            FileMetadata meta = new FileMetadata(i < modes.length ? (int) modes[i] : 0,
                    accounts.uid(i < users.size() ? users.get(i) : null),
                    accounts.gid(i < groups.size() ? groups.get(i) : null),
                    link, i < sizes.length ? sizes[i] : -1);
            String p = paths.get(i);
            out.add(new PackageFile(p, p, (f & RpmTag.FILE_CONFIG) != 0, meta));
        }
        return out;
    }

    /** The file paths: dirnames[dirindexes[i]] + basenames[i], or the old single-list form. */
    static List<String> paths(RpmHeader h, String where) throws PackageDatabaseException {
        List<String> base = h.strings(RpmTag.BASENAMES);
        if (base.isEmpty()) {
            return h.strings(RpmTag.OLDFILENAMES);
        }
        List<String> dirs = h.strings(RpmTag.DIRNAMES);
        long[] index = h.numbers(RpmTag.DIRINDEXES);
        if (index.length != base.size()) {
            throw new PackageDatabaseException(where + ": bad rpm header: " + base.size() + " basenames but "
                    + index.length + " dirindexes");
        }
        List<String> out = new ArrayList<>(base.size());
        for (int i = 0; i < base.size(); i++) {
            if (index[i] < 0 || index[i] >= dirs.size()) {
                throw new PackageDatabaseException(where + ": bad rpm header: dirindex " + index[i]
                        + " out of range");
            }
            out.add(dirs.get((int) index[i]) + base.get(i));
        }
        return out;
    }
}
