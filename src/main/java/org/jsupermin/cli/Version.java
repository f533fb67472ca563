package org.jsupermin.cli;

import picocli.CommandLine;

/** The version line: starts with "supermin" so scripts that parse supermin's version keep working. */
public final class Version implements CommandLine.IVersionProvider {

    /** The project version, from the jar's manifest, or the source version when run from classes. */
    public static String number() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    /** The supermin release whose command line and outputs this version matches. */
    public static final String COMPATIBLE_WITH = "5.2.2";

    /** The line {@code supermin --version} prints. */
    static String line() {
        return "supermin " + COMPATIBLE_WITH + " (jsupermin " + number() + ")";
    }

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }
}
