package org.jsupermin.tree;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.jsupermin.host.HostTreeWalk;
import org.jsupermin.manifest.Manifest;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabase;
import org.jsupermin.util.Reporter;

/**
 * Everything that decides an appliance tree.
 *
 * @param database the root's package database
 * @param closure the resolved packages whose files go in
 * @param manifest the appliance's hostfiles, excludefiles and base images
 * @param extraTrees host directories copied whole after excludefiles, which do not apply to them
 *     (the kernel's modules for ext2)
 * @param includePackagelist whether to write /packagelist
 * @param sourceDateEpoch clamp for mtimes, or null
 * @param reporter where warnings go
 * @param packageFilesFound told, once the packages' files are read from the host and before
 *     excludes, base images and the rest apply, of those regular files with a single link (in
 *     path order): most of the tree's content, for an output that wants to start copying it.
 *     The final tree may still leave some out. Null for none; not called when the assembly
 *     fails first.
 * @param baseImages the manifest's base images, already being read (started early, while the
 *     package database is opened), or null to read them during the assembly
 * @param minimize what {@code --minimize} removes from the packages' files, or null
 */
public record TreeInputs(PackageDatabase database, List<InstalledPackage> closure, Manifest manifest,
                         List<ExtraTree> extraTrees, boolean includePackagelist, Long sourceDateEpoch,
                         Reporter reporter, Consumer<List<TreeEntry>> packageFilesFound,
                         BaseImagePrefetch baseImages, Minimize minimize) {

    /** Inputs without {@code --minimize}. */
    public TreeInputs(PackageDatabase database, List<InstalledPackage> closure, Manifest manifest,
                      List<ExtraTree> extraTrees, boolean includePackagelist, Long sourceDateEpoch,
                      Reporter reporter, Consumer<List<TreeEntry>> packageFilesFound, BaseImagePrefetch baseImages) {
        this(database, closure, manifest, extraTrees, includePackagelist, sourceDateEpoch, reporter, packageFilesFound,
                baseImages, null);
    }

    /** Inputs without early news of the package files. */
    public TreeInputs(PackageDatabase database, List<InstalledPackage> closure, Manifest manifest,
                      List<ExtraTree> extraTrees, boolean includePackagelist, Long sourceDateEpoch,
                      Reporter reporter) {
        this(database, closure, manifest, extraTrees, includePackagelist, sourceDateEpoch, reporter, null, null, null);
    }

    /** Inputs whose base images are read during the assembly. */
    public TreeInputs(PackageDatabase database, List<InstalledPackage> closure, Manifest manifest,
                      List<ExtraTree> extraTrees, boolean includePackagelist, Long sourceDateEpoch,
                      Reporter reporter, Consumer<List<TreeEntry>> packageFilesFound) {
        this(database, closure, manifest, extraTrees, includePackagelist, sourceDateEpoch, reporter,
                packageFilesFound, null, null);
    }

    /**
     * A host directory copied recursively into the appliance.
     *
     * @param hostDir the directory on the host (absolute)
     * @param walked its names at their appliance paths, being {@linkplain HostTreeWalk#walk walked}
     *     on another thread (waited for only when the assembly gets to them)
     */
    public record ExtraTree(Path hostDir, Future<List<HostTreeWalk.Walked>> walked) {
    }
}
