package org.jsupermin.packages.apk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsupermin.packages.ExtraEntry;
import org.jsupermin.packages.ImageDatabase;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.IoErrors;

/**
 * apk's database for an image of some of a root's packages: {@code lib/apk/db/installed} with
 * their blocks in the host's order, {@code etc/apk/world} naming every one of them (apk removes
 * what the world file does not ask for, directly or through dependencies, at its next
 * {@code apk add}), and the host's {@code etc/apk/arch}.
 */
final class ApkImageDatabase {

    private ApkImageDatabase() {
    }

    static ImageDatabase write(Path root, Collection<InstalledPackage> contained) throws PackageDatabaseException {
        Set<String> ids = new TreeSet<>();
        Set<String> names = new TreeSet<>();
        for (InstalledPackage p : contained) {
            ids.add(p.toString());
            names.add(p.name());
        }
        StringBuilder installed = new StringBuilder();
        for (ApkDetails.Block b : ApkDetails.blocks(root.resolve(ApkDriver.INSTALLED))) {
            if (ids.contains(b.id())) {
                installed.append(b.text()).append('\n');
            }
        }
        StringBuilder world = new StringBuilder();
        for (String name : names) {
            world.append(name).append('\n');
        }
        List<ExtraEntry> files = new ArrayList<>();
        files.add(ExtraEntry.file("/" + ApkDriver.INSTALLED, FileNames.encode(installed.toString()), 0644, 0));
        files.add(ExtraEntry.file("/etc/apk/world", FileNames.encode(world.toString()), 0644, 0));
        Path arch = root.resolve("etc/apk/arch");
        if (Files.isRegularFile(arch)) {
            try {
                files.add(ExtraEntry.file("/etc/apk/arch", Files.readAllBytes(arch), 0644, 0));
            } catch (IOException e) {
                throw new PackageDatabaseException("reading " + arch + ": " + IoErrors.describe(e), e);
            }
        }
        return new ImageDatabase(List.of("/etc/apk", "/lib/apk/db"), files, "");
    }
}
