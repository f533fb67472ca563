package org.jsupermin.packaging;

/**
 * The scripts run on installation and removal. After installing, root makes the class-data-sharing
 * archive for the installed Java runtime (optional: failure only means slower starts); after
 * removal, the cache of such archives goes.
 */
public final class MaintainerScripts {

    /** The system cache of class-data-sharing archives (see bin/supermin). */
    public static final String CACHE = "/var/cache/jsupermin";

    private MaintainerScripts() {
    }

    /** The shell commands that prepare the archive, as root, when {@code condition} also holds. */
    static String makeArchive(String condition) {
        return "if " + condition + "[ \"$(id -u)\" = 0 ]; then\n"
                + "    " + InstallLayout.HOME + "/bin/supermin --version >/dev/null 2>&1 </dev/null || true\n"
                + "fi\n";
    }

    /** Debian postinst. */
    public static String debPostinst() {
        return "#!/bin/sh\nset -e\nif [ \"$1\" = configure ]; then\n" + indent(makeArchive("[ -z \"$DPKG_ROOT\" ] && ")) + "fi\n";
    }

    /** Debian postrm. */
    public static String debPostrm() {
        return "#!/bin/sh\nset -e\nif [ \"$1\" = remove ] || [ \"$1\" = purge ]; then\n"
                + "    rm -rf \"$DPKG_ROOT" + CACHE + "\"\nfi\n";
    }

    /** RPM %post. */
    public static String rpmPost() {
        return makeArchive("") + "exit 0\n";
    }

    /** RPM %postun: only when the last version goes, not on upgrade. */
    public static String rpmPostun() {
        return "if [ \"$1\" = 0 ]; then\n    rm -rf " + CACHE + "\nfi\nexit 0\n";
    }

    private static String indent(String text) {
        return ("    " + text.replace("\n", "\n    ")).stripTrailing() + "\n";
    }
}
