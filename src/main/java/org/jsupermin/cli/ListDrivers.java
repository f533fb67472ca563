package org.jsupermin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

import org.jsupermin.packages.drivers.PackageDatabases;
import org.jsupermin.packages.PackageDriver;

/** {@code --list-drivers}: one "distro/driver<TAB>detected|not-detected" line per driver, as supermin prints. */
final class ListDrivers {

    private static final Map<String, String> DISTRO = Map.of(
            "dpkg", "debian", "rpm", "fedora", "pacman", "arch", "apk", "alpine");

    private ListDrivers() {
    }

    static void print(PrintWriter out, Path root) {
        for (PackageDriver d : PackageDatabases.drivers()) {
            String label = DISTRO.getOrDefault(d.name(), d.name()) + "/" + d.name();
            out.println(label + "\t" + (d.detect(root) ? "detected" : "not-detected"));
        }
    }
}
