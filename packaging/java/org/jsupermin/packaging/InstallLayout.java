package org.jsupermin.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The files jsupermin's .deb and .rpm install, in path order: the jar and its libraries under
 * /usr/share/jsupermin, the launcher and its /usr/bin links, the manual page and the bash and
 * zsh completions.
 */
public final class InstallLayout {

    /** Where the program lives. */
    public static final String HOME = "/usr/share/jsupermin";

    private InstallLayout() {
    }

    /** The inputs: the built jar (its manifest's Class-Path names the libraries), the launcher, generated files. */
    public record Inputs(Path jar, Path launcher, Path manPageGz, Path bashCompletion,
            Path zshCompletion) {
    }

    /**
     * The entries, sorted by path, with every directory the package owns (those under
     * {@link #HOME}); {@code zshDir} is the distribution's directory for zsh completion functions.
     */
    public static List<InstallEntry> entries(Inputs in, String zshDir) throws IOException {
        List<InstallEntry> entries = new ArrayList<>();
        entries.add(InstallEntry.directory(HOME));
        entries.add(InstallEntry.directory(HOME + "/bin"));
        entries.add(InstallEntry.directory(HOME + "/lib"));
        entries.add(InstallEntry.file(HOME + "/jsupermin.jar", in.jar(), 0644));
        for (Path lib : libraries(in.jar())) {
            entries.add(InstallEntry.file(HOME + "/lib/" + lib.getFileName(), lib, 0644));
        }
        entries.add(InstallEntry.file(HOME + "/bin/supermin", in.launcher(), 0755));
        for (String command : Completions.COMMANDS) {
            entries.add(InstallEntry.symlink("/usr/bin/" + command, "../share/jsupermin/bin/supermin"));
        }
        entries.add(InstallEntry.file("/usr/share/man/man1/supermin.1.gz", in.manPageGz(), 0644));
        entries.add(InstallEntry.symlink("/usr/share/man/man1/jsupermin.1.gz", "supermin.1.gz"));
        entries.add(InstallEntry.file("/usr/share/bash-completion/completions/supermin", in.bashCompletion(), 0644));
        entries.add(InstallEntry.symlink("/usr/share/bash-completion/completions/jsupermin", "supermin"));
        entries.add(InstallEntry.file(zshDir + "/_supermin", in.zshCompletion(), 0644));
        entries.sort(Comparator.comparing(InstallEntry::path));
        return entries;
    }

    /** Directories that hold entries but belong to the system, not to jsupermin. */
    public static List<String> systemDirectories(List<InstallEntry> entries) {
        TreeSet<String> dirs = new TreeSet<>();
        for (InstallEntry e : entries) {
            for (String d = e.parent(); !d.equals("/") && !d.startsWith(HOME); d = d.substring(0, Math.max(1, d.lastIndexOf('/')))) {
                dirs.add(d);
            }
        }
        return List.copyOf(dirs);
    }

    /** The jars the manifest's Class-Path of {@code jar} names, which must all be under lib/. */
    static List<Path> libraries(Path jar) throws IOException {
        String classPath;
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest manifest = jf.getManifest();
            classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
        }
        if (classPath == null || classPath.isBlank()) {
            throw new IOException(jar + " has no Class-Path in its manifest");
        }
        List<Path> libs = new ArrayList<>();
        for (String entry : classPath.trim().split("\\s+")) {
            if (!entry.startsWith("lib/") || entry.substring(4).contains("/")) {
                throw new IOException(jar + ": Class-Path entry " + entry + " is not a jar in lib/");
            }
            Path lib = jar.resolveSibling(entry);
            if (!Files.isRegularFile(lib)) {
                throw new IOException("missing library " + lib + " named by " + jar + "; run mvn package");
            }
            libs.add(lib);
        }
        libs.sort(Comparator.naturalOrder());
        return libs;
    }
}
