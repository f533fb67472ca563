package org.jsupermin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * supermin's command line, one constant per option in the order {@code --help} lists them: the
 * single table that both {@link QuickParser} and picocli's model ({@link CommandModel}) are made
 * from, with the field of {@link SuperminCommand} each option sets.
 */
enum SuperminOption {
    PREPARE(Kind.FLAG, null, "Prepare a supermin appliance from the named packages.", "--prepare"),
    BUILD(Kind.FLAG, null, "Build a full appliance from supermin appliance INPUTs.", "--build"),
    FORMAT(Kind.TEXT, "chroot|ext2|tar",
            "Output format of --build: a directory, a bootable ext2 appliance (kernel, initrd, root) or a tar archive.",
            "-f", "--format"),
    OUTPUT(Kind.TEXT, "OUTPUT",
            "Output directory (--prepare, -f chroot, -f ext2) or file (-f tar; '-' for standard output).", "-o"),
    IF_NEWER(Kind.FLAG, null, "Only build if the output is missing or anything that decides it changed.", "--if-newer"),
    LOCK(Kind.PATH, "LOCKFILE", "Hold an exclusive lock on LOCKFILE for the whole build; others wait.", "--lock"),
    USE_INSTALLED(Kind.FLAG, null, "Take config files from the installed system instead of the package archives.",
            "--use-installed"),
    INCLUDE_PACKAGELIST(Kind.FLAG, null, "Add /packagelist listing the appliance's packages.", "--include-packagelist"),
    SIZE(Kind.TEXT, "SIZE", "Size of the ext2 filesystem (default 4G): 512M, 32G, 10737418240b.", "--size"),
    HOST_CPU(Kind.TEXT, "ARCH", "Host CPU architecture for choosing the kernel (default: this machine's).", "--host-cpu"),
    COPY_KERNEL(Kind.FLAG, null, "Copy the kernel into the output instead of symlinking it.", "--copy-kernel"),
    PACKAGER_CONFIG(Kind.PATH, "CONFIGFILE",
            "Package manager configuration file (accepted for compatibility; the database is read directly).",
            "--packager-config"),
    LIST_DRIVERS(Kind.FLAG, null, "List the package manager drivers and whether each is detected, then exit.",
            "--list-drivers"),
    VERBOSE(Kind.COUNT, null, "Print more messages; repeat for more (-vvv shows stack traces).", "-v", "--verbose"),
    QUIET(Kind.FLAG, null, "Print only errors and warnings; no progress bar.", "-q", "--quiet"),
    VERSION(Kind.VERSION, null, "Display the version and exit.", "-V", "--version"),
    HELP(Kind.HELP, null, "Display this help and exit.", "--help", "-help"),
    ROOT(Kind.PATH, "DIR", "Read the package database and files of DIR instead of /.", "--root"),
    PACKAGES_FROM(Kind.PATH, "DIR", "Find package files (.deb, .rpm, …) for pristine config files in DIR first.",
            "--packages-from"),
    COMPRESSION(Kind.TEXT, "none|gzip|xz|zstd", "Compression of -f tar output (default: from the file name).",
            "--compression"),
    EXPLAIN(Kind.TEXT, "PACKAGE",
            "Print why PACKAGE is in the closure: the dependency chain from a requested package.", "--explain"),
    GRAPH(Kind.PATH, "FILE", "Write the dependency closure as a Graphviz DOT file.", "--graph"),
    SIZE_REPORT(Kind.FLAG, null,
            "With --build: list the bytes each package and each excludefiles rule contributes, largest first.",
            "--size-report"),
    DTB(Kind.TEXT, "PATTERN", "Obsolete; accepted and ignored with a warning, as supermin does.", "--dtb"),
    NAMES(Kind.FLAG, null, "supermin 4's option; gives an error explaining the change.", "--names"),
    /** The positional parameters: not an option, so it has no names. */
    ARGUMENTS(Kind.POSITIONAL, "PACKAGE|INPUT",
            "Packages to --prepare, or supermin appliance files and directories to --build.");

    /** How an option takes its value and what type its field has. */
    enum Kind {
        /** A boolean, given at most once. */
        FLAG,
        /** A boolean[] with one element per time the option is given. */
        COUNT,
        /** A String value, given at most once. */
        TEXT,
        /** A Path value, given at most once. */
        PATH,
        /** picocli's version help. */
        VERSION,
        /** picocli's usage help. */
        HELP,
        /** The List&lt;String&gt; of positional parameters. */
        POSITIONAL
    }

    private final Kind kind;
    private final String paramLabel;
    private final String description;
    private final String[] names;

    SuperminOption(Kind kind, String paramLabel, String description, String... names) {
        this.kind = kind;
        this.paramLabel = paramLabel;
        this.description = description;
        this.names = names;
    }

    Kind kind() {
        return kind;
    }

    /** The parameter label in the help, or null for options without a value. */
    String paramLabel() {
        return paramLabel;
    }

    String description() {
        return description;
    }

    /** The spellings, in the order the help shows them; none for {@link #ARGUMENTS}. */
    String[] names() {
        return names.clone();
    }

    /** Whether {@code name} is one of the spellings. */
    boolean hasName(String name) {
        for (String n : names) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the option is followed by a value. */
    boolean takesValue() {
        return kind == Kind.TEXT || kind == Kind.PATH;
    }

    /** The Java type of the field. */
    Class<?> type() {
        return switch (kind) {
            case FLAG, VERSION, HELP -> boolean.class;
            case COUNT -> boolean[].class;
            case TEXT -> String.class;
            case PATH -> Path.class;
            case POSITIONAL -> List.class;
        };
    }

    /** The current value of this option's field in {@code c}. */
    Object read(SuperminCommand c) {
        return switch (this) {
            case PREPARE -> c.prepare;
            case BUILD -> c.build;
            case FORMAT -> c.format;
            case OUTPUT -> c.output;
            case IF_NEWER -> c.ifNewer;
            case LOCK -> c.lock;
            case USE_INSTALLED -> c.useInstalled;
            case INCLUDE_PACKAGELIST -> c.includePackagelist;
            case SIZE -> c.size;
            case HOST_CPU -> c.hostCpu;
            case COPY_KERNEL -> c.copyKernel;
            case PACKAGER_CONFIG -> c.packagerConfig;
            case LIST_DRIVERS -> c.listDrivers;
            case VERBOSE -> c.verbose;
            case QUIET -> c.quiet;
            case VERSION -> c.version;
            case HELP -> c.help;
            case ROOT -> c.root;
            case PACKAGES_FROM -> c.packagesFrom;
            case COMPRESSION -> c.compression;
            case EXPLAIN -> c.explain;
            case GRAPH -> c.graph;
            case SIZE_REPORT -> c.sizeReport;
            case DTB -> c.dtb;
            case NAMES -> c.names;
            case ARGUMENTS -> c.arguments;
        };
    }

    /** Sets this option's field in {@code c} to {@code value}, of {@link #type()}. */
    @SuppressWarnings("unchecked")
    void store(SuperminCommand c, Object value) {
        switch (this) {
            case PREPARE -> c.prepare = (Boolean) value;
            case BUILD -> c.build = (Boolean) value;
            case FORMAT -> c.format = (String) value;
            case OUTPUT -> c.output = (String) value;
            case IF_NEWER -> c.ifNewer = (Boolean) value;
            case LOCK -> c.lock = (Path) value;
            case USE_INSTALLED -> c.useInstalled = (Boolean) value;
            case INCLUDE_PACKAGELIST -> c.includePackagelist = (Boolean) value;
            case SIZE -> c.size = (String) value;
            case HOST_CPU -> c.hostCpu = (String) value;
            case COPY_KERNEL -> c.copyKernel = (Boolean) value;
            case PACKAGER_CONFIG -> c.packagerConfig = (Path) value;
            case LIST_DRIVERS -> c.listDrivers = (Boolean) value;
            case VERBOSE -> c.verbose = (boolean[]) value;
            case QUIET -> c.quiet = (Boolean) value;
            case VERSION -> c.version = (Boolean) value;
            case HELP -> c.help = (Boolean) value;
            case ROOT -> c.root = (Path) value;
            case PACKAGES_FROM -> c.packagesFrom = (Path) value;
            case COMPRESSION -> c.compression = (String) value;
            case EXPLAIN -> c.explain = (String) value;
            case GRAPH -> c.graph = (Path) value;
            case SIZE_REPORT -> c.sizeReport = (Boolean) value;
            case DTB -> c.dtb = (String) value;
            case NAMES -> c.names = (Boolean) value;
            case ARGUMENTS -> c.arguments = value == null ? new ArrayList<>() : (List<String>) value;
        }
    }
}
