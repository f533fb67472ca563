package org.jsupermin.packages;

import java.nio.file.Path;

/** A kind of package database: knows how to recognise it under a root and open it. */
public interface PackageDriver {

    /** "dpkg", "rpm", "pacman", "apk". */
    String name();

    /** The distribution family supermin names the driver after ("debian", "fedora", …), for --list-drivers. */
    String distro();

    /** Whether the root holds this kind of database. Cheap: looks for files only. */
    boolean detect(Path root);

    /** The paths (relative to the root) {@link #detect} looks for, for error messages. */
    String lookedFor();

    /** Opens the database of the root. */
    PackageDatabase open(Path root) throws PackageDatabaseException;
}
