package org.jsupermin.tree;

import java.nio.file.Path;
import java.util.List;

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
 * @param extraTrees host directories copied whole (kernel modules for ext2)
 * @param includePackagelist whether to write /packagelist
 * @param sourceDateEpoch clamp for mtimes, or null
 * @param reporter where warnings go
 */
public record TreeInputs(PackageDatabase database, List<InstalledPackage> closure, Manifest manifest,
                         List<ExtraTree> extraTrees, boolean includePackagelist, Long sourceDateEpoch,
                         Reporter reporter) {

    /**
     * A host directory copied recursively into the appliance.
     *
     * @param hostDir the directory on the host (absolute)
     * @param appliancePath where it goes in the appliance
     */
    public record ExtraTree(Path hostDir, String appliancePath) {
    }
}
