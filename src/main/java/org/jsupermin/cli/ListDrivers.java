package org.jsupermin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.jsupermin.packages.drivers.PackageDatabases;
import org.jsupermin.packages.PackageDriver;

/** {@code --list-drivers}: one "distro/driver<TAB>detected|not-detected" line per driver, as supermin prints. */
final class ListDrivers {

    private ListDrivers() {
    }

    static void print(PrintWriter out, Path root) {
        for (PackageDriver d : PackageDatabases.drivers()) {
            out.println(d.distro() + "/" + d.name() + "\t" + (d.detect(root) ? "detected" : "not-detected"));
        }
    }
}
