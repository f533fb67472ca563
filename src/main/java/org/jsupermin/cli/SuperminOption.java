package org.jsupermin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsupermin.build.FormatRegistry;

/**
 * supermin's command line, one constant per option in the order {@code --help} lists them: the
 * single table that both {@link QuickParser} and picocli's model ({@link CommandModel}) are made
 * from, with the field of {@link SuperminCommand} each option sets.
 */
enum SuperminOption {
    PREPARE(Kind.FLAG, Group.MODES, null, "Prepare a supermin appliance from the named packages.", "--prepare"),
    BUILD(Kind.FLAG, Group.MODES, null, "Build a full appliance from supermin appliance INPUTs.", "--build"),
    LIST_DRIVERS(Kind.FLAG, Group.MODES, null,
            "List the package manager drivers and whether each is detected, then exit.", "--list-drivers"),
    VERSION(Kind.VERSION, Group.MODES, null, "Display the version and exit.", "-V", "--version"),
    // supermin also answers to -help, which is accepted but not shown
    HELP(Kind.HELP, Group.MODES, null, "Display this help and exit.", "--help", "-help"),
    OUTPUT(Kind.TEXT, Group.BOTH, "OUTPUT",
            "Output directory (--prepare, -f chroot, ext2 or oci) or file (-f tar, -f oci to a name ending in "
                    + ".tar; '-' for standard output, which must not be a terminal).", "-o"),
    VERBOSE(Kind.COUNT, Group.BOTH, null, "Print more messages; repeat for more (-vvv shows stack traces).",
            "-v", "--verbose"),
    PACKAGER_CONFIG(Kind.PATH, Group.BOTH, "CONFIGFILE",
            "Package manager configuration file (accepted for compatibility; the database is read directly).",
            "--packager-config"),
    FORMAT(Kind.TEXT, Group.BUILD, FormatRegistry.standard().label(),
            "Output format: a directory, a bootable ext2 appliance (kernel, initrd, root), a tar archive or an "
                    + "OCI image.",
            "-f", "--format"),
    IF_NEWER(Kind.FLAG, Group.BUILD, null,
            "Only build if the output is missing or anything that decides it changed.", "--if-newer"),
    LOCK(Kind.PATH, Group.BUILD, "LOCKFILE", "Hold an exclusive lock on LOCKFILE for the whole build; others wait.",
            "--lock"),
    INCLUDE_PACKAGELIST(Kind.FLAG, Group.BUILD, null, "Add /packagelist listing the appliance's packages.",
            "--include-packagelist"),
    SIZE(Scope.FORMAT, Kind.TEXT, Group.BUILD, "SIZE", "Size of the ext2 filesystem (default 4G): 512M, 32G, 10737418240b.",
            "--size"),
    HOST_CPU(Scope.FORMAT, Kind.TEXT, Group.BUILD, "ARCH", "Host CPU architecture for choosing the kernel, and an image's architecture (default: this "
                    + "machine's; for images, the packages').",
            "--host-cpu"),
    COPY_KERNEL(Scope.FORMAT, Kind.FLAG, Group.BUILD, null, "Copy the kernel into the output instead of symlinking it.",
            "--copy-kernel"),
    USE_INSTALLED(Kind.FLAG, Group.PREPARE, null,
            "Take config files from the installed system instead of the package archives.", "--use-installed"),
    QUIET(Kind.FLAG, Group.ADDITIONS, null, "Print only errors and warnings; no progress bar.", "-q", "--quiet"),
    ROOT(Kind.PATH, Group.ADDITIONS, "DIR", "Read the package database and files of DIR instead of /.", "--root"),
    PACKAGES_FROM(Kind.PATH, Group.ADDITIONS, "DIR",
            "Find package files (.deb, .rpm, ...) for pristine config files in DIR first.", "--packages-from"),
    COMPRESSION(Scope.FORMAT, Kind.TEXT, Group.ADDITIONS, "none|gzip|xz|zstd",
            "Compression of -f tar output (default: from the file name) or of -f oci layers (gzip, zstd or "
                    + "none; default gzip).", "--compression"),
    EXPLAIN(Kind.TEXT, Group.ADDITIONS, "PACKAGE",
            "Print the dependency chain that brings PACKAGE in from a requested package, then exit without "
                    + "building or writing -o.", "--explain"),
    GRAPH(Kind.PATH, Group.ADDITIONS, "FILE",
            "Write the dependency closure as a Graphviz graph: DOT, or SVG or PNG for a FILE ending in .svg or "
                    + ".png (needs Graphviz's dot).", "--graph"),
    GRAPH_DEPTH(Kind.TEXT, Group.ADDITIONS, "N",
            "With --graph: only the packages at most N dependencies away from a requested one.", "--graph-depth"),
    SIZE_REPORT(Kind.FLAG, Group.ADDITIONS, null,
            "With --build: list the bytes each package and each excludefiles rule contributes, largest first.",
            "--size-report"),
    MINIMIZE(Kind.FLAG, Group.ADDITIONS, null,
            "With --build: leave out documentation (except copyright files), manual and info pages, and "
                    + "translations (except --locale ones).", "--minimize"),
    LOCALE(Kind.LIST, Group.ADDITIONS, "LANG",
            "With --minimize: keep the translations of LANG (de, pt_BR, ...); repeat for more.", "--locale"),
    SBOM(Kind.PATH, Group.ADDITIONS, "FILE",
            "With --build: also write a software bill of materials of the appliance's packages to FILE (SPDX 2.3 "
                    + "JSON unless --sbom-format says otherwise).", "--sbom"),
    SBOM_FORMAT(Kind.TEXT, Group.ADDITIONS, "spdx|cyclonedx", "With --sbom: the document's format (default spdx).",
            "--sbom-format"),
    NO_PACKAGE_DB(Scope.FORMAT, Kind.FLAG, Group.ADDITIONS, null,
            "Leave out the package database of the image's packages (dpkg status and file lists, apk, pacman), "
                    + "which -f chroot and -f tar carry by default.", "--no-package-db"),
    TAG(Scope.FORMAT, Kind.LIST, Group.IMAGE, "NAME:TAG",
            "Name the image (registry/name:tag); repeat for more names.", "--tag"),
    LAYERS(Scope.FORMAT, Kind.TEXT, Group.IMAGE, "N",
            "Split the image into at most N layers by source package, counting the top layer of files"
                    + " no package owns (default 1).", "--layers"),
    NO_CACHE(Scope.FORMAT, Kind.FLAG, Group.IMAGE, null,
            "Compress every layer anew, neither reusing nor keeping layers in the layer cache.", "--no-cache"),
    CMD(Scope.FORMAT, Kind.TEXT, Group.IMAGE, "COMMAND",
            "The image's default command: a JSON array or shell words.", "--cmd"),
    ENTRYPOINT(Scope.FORMAT, Kind.TEXT, Group.IMAGE, "COMMAND",
            "The image's entry point: a JSON array or shell words.", "--entrypoint"),
    ENV(Scope.FORMAT, Kind.LIST, Group.IMAGE, "KEY=VALUE",
            "Set an environment variable; repeat for more (PATH has the usual default).", "--env"),
    WORKDIR(Scope.FORMAT, Kind.TEXT, Group.IMAGE, "DIR", "The working directory of the image's processes.",
            "--workdir"),
    USER(Scope.FORMAT, Kind.TEXT, Group.IMAGE, "USER[:GROUP]", "The user the image's processes run as.",
            "--user"),
    VOLUME(Scope.FORMAT, Kind.LIST, Group.IMAGE, "DIR", "Declare a volume mount point; repeat for more.",
            "--volume"),
    EXPOSE(Scope.FORMAT, Kind.LIST, Group.IMAGE, "PORT[/PROTO]", "Declare an exposed port; repeat for more.",
            "--expose"),
    LABEL(Scope.FORMAT, Kind.LIST, Group.IMAGE, "KEY=VALUE", "Add a label to the image; repeat for more.",
            "--label"),
    STOP_SIGNAL(Scope.FORMAT, Kind.TEXT, Group.IMAGE, "SIGNAL", "The signal that stops the image's processes.",
            "--stop-signal"),
    PUSH(Scope.FORMAT, Kind.LIST, Group.IMAGE, "REGISTRY/REPO:TAG",
            "Push the image to a registry (credentials as docker and podman keep them); repeat for more.", "--push"),
    INSECURE_REGISTRY(Scope.FORMAT, Kind.LIST, Group.IMAGE, "HOST[:PORT]",
            "Reach this registry over plain HTTP (loopback registries always are); repeat for more.",
            "--insecure-registry"),
    DTB(Kind.TEXT, Group.OBSOLETE, "PATTERN", "Obsolete; accepted and ignored with a warning, as supermin does.",
            "--dtb"),
    NAMES(Kind.FLAG, Group.OBSOLETE, null, "supermin 4's option; gives an error explaining the change.", "--names"),
    /** The positional parameters: not an option, so it has no names. */
    ARGUMENTS(Kind.POSITIONAL, null, "PACKAGE|INPUT",
            "Packages to --prepare, or supermin appliance files and directories to --build.");

    /** The headings the help and the manual page list the options under, in their order. */
    enum Group {
        MODES("Modes"),
        BOTH("Options for both modes"),
        BUILD("Options for --build"),
        PREPARE("Options for --prepare"),
        ADDITIONS("Options added by jsupermin"),
        IMAGE("Options for -f oci"),
        OBSOLETE("Obsolete options");

        private final String heading;

        Group(String heading) {
            this.heading = heading;
        }

        String heading() {
            return heading;
        }
    }

    /**
     * Whom an option is for: the command, or the formats that declare it among their
     * {@link org.jsupermin.format.OutputFormat#optionNames() option names}. A format-specific
     * option's value is kept by its long name and handed to the format as it is, so that a
     * format's options need a line here and nothing in the build.
     */
    enum Scope {
        COMMAND,
        FORMAT
    }

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
        /** A List&lt;String&gt; with one element per time the option is given. */
        LIST,
        /** picocli's version help. */
        VERSION,
        /** picocli's usage help. */
        HELP,
        /** The List&lt;String&gt; of positional parameters. */
        POSITIONAL
    }

    private final Scope scope;
    private final Kind kind;
    private final Group group;
    private final String paramLabel;
    private final String description;
    private final String[] names;

    SuperminOption(Kind kind, Group group, String paramLabel, String description, String... names) {
        this(Scope.COMMAND, kind, group, paramLabel, description, names);
    }

    SuperminOption(Scope scope, Kind kind, Group group, String paramLabel, String description, String... names) {
        this.scope = scope;
        this.kind = kind;
        this.group = group;
        this.paramLabel = paramLabel;
        this.description = description;
        this.names = names;
    }

    Kind kind() {
        return kind;
    }

    /** Whether the option belongs to the formats that declare it. */
    boolean formatSpecific() {
        return scope == Scope.FORMAT;
    }

    /** The long spelling ("--size"), by which a format knows its options. */
    String longName() {
        for (String n : names) {
            if (n.startsWith("--")) {
                return n;
            }
        }
        return names.length == 0 ? name() : names[0];
    }

    /** The heading the option is listed under; null for {@link #ARGUMENTS}. */
    Group group() {
        return group;
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

    /**
     * The spellings the help and the manual page show: all but the single-dash long ones
     * ({@code -help}), which only supermin's own parser had.
     */
    List<String> shownNames() {
        List<String> shown = new ArrayList<>();
        for (String n : names) {
            if (n.startsWith("--") || n.length() == 2) {
                shown.add(n);
            }
        }
        return shown;
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
        return kind == Kind.TEXT || kind == Kind.PATH || kind == Kind.LIST;
    }

    /** The Java type of the field. */
    Class<?> type() {
        return switch (kind) {
            case FLAG, VERSION, HELP -> boolean.class;
            case COUNT -> boolean[].class;
            case TEXT -> String.class;
            case PATH -> Path.class;
            case POSITIONAL, LIST -> List.class;
        };
    }

    /** The current value of this option's field in {@code c}. */
    Object read(SuperminCommand c) {
        if (formatSpecific()) {
            Object value = c.formatValues.get(this);
            if (value == null) {
                value = initialValue();
                if (kind == Kind.LIST) {
                    // a list is kept in place, as the parsers add to it
                    c.formatValues.put(this, value);
                }
            }
            return value;
        }
        return switch (this) {
            case PREPARE -> c.prepare;
            case BUILD -> c.build;
            case FORMAT -> c.format;
            case OUTPUT -> c.output;
            case IF_NEWER -> c.ifNewer;
            case LOCK -> c.lock;
            case USE_INSTALLED -> c.useInstalled;
            case INCLUDE_PACKAGELIST -> c.includePackagelist;
            case PACKAGER_CONFIG -> c.packagerConfig;
            case LIST_DRIVERS -> c.listDrivers;
            case VERBOSE -> c.verbose;
            case QUIET -> c.quiet;
            case VERSION -> c.version;
            case HELP -> c.help;
            case ROOT -> c.root;
            case PACKAGES_FROM -> c.packagesFrom;
            case EXPLAIN -> c.explain;
            case GRAPH -> c.graph;
            case SIZE_REPORT -> c.sizeReport;
            case DTB -> c.dtb;
            case NAMES -> c.names;
            case GRAPH_DEPTH -> c.graphDepth;
            case MINIMIZE -> c.minimize;
            case LOCALE -> c.locales;
            case SBOM -> c.sbom;
            case SBOM_FORMAT -> c.sbomFormat;
            case ARGUMENTS -> c.arguments;
            default -> throw new IllegalStateException(this + " is kept with the format values");
        };
    }

    /** Sets this option's field in {@code c} to {@code value}, of {@link #type()}. */
    @SuppressWarnings("unchecked")
    void store(SuperminCommand c, Object value) {
        if (formatSpecific()) {
            c.formatValues.put(this, value == null ? initialValue() : value);
            return;
        }
        switch (this) {
            case PREPARE -> c.prepare = (Boolean) value;
            case BUILD -> c.build = (Boolean) value;
            case FORMAT -> c.format = (String) value;
            case OUTPUT -> c.output = (String) value;
            case IF_NEWER -> c.ifNewer = (Boolean) value;
            case LOCK -> c.lock = (Path) value;
            case USE_INSTALLED -> c.useInstalled = (Boolean) value;
            case INCLUDE_PACKAGELIST -> c.includePackagelist = (Boolean) value;
            case PACKAGER_CONFIG -> c.packagerConfig = (Path) value;
            case LIST_DRIVERS -> c.listDrivers = (Boolean) value;
            case VERBOSE -> c.verbose = (boolean[]) value;
            case QUIET -> c.quiet = (Boolean) value;
            case VERSION -> c.version = (Boolean) value;
            case HELP -> c.help = (Boolean) value;
            case ROOT -> c.root = (Path) value;
            case PACKAGES_FROM -> c.packagesFrom = (Path) value;
            case EXPLAIN -> c.explain = (String) value;
            case GRAPH -> c.graph = (Path) value;
            case SIZE_REPORT -> c.sizeReport = (Boolean) value;
            case DTB -> c.dtb = (String) value;
            case NAMES -> c.names = (Boolean) value;
            case GRAPH_DEPTH -> c.graphDepth = (String) value;
            case MINIMIZE -> c.minimize = (Boolean) value;
            case LOCALE -> c.locales = value == null ? new ArrayList<>() : (List<String>) value;
            case SBOM -> c.sbom = (Path) value;
            case SBOM_FORMAT -> c.sbomFormat = (String) value;
            case ARGUMENTS -> c.arguments = value == null ? new ArrayList<>() : (List<String>) value;
            default -> throw new IllegalStateException(this + " is kept with the format values");
        }
    }

    /** The value of a format-specific option not given: false, null or a new empty list. */
    private Object initialValue() {
        return switch (kind) {
            case FLAG, VERSION, HELP -> Boolean.FALSE;
            case COUNT -> new boolean[0];
            case TEXT, PATH -> null;
            case LIST, POSITIONAL -> new ArrayList<String>();
        };
    }
}
