package org.jsupermin.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Prints the class path that {@code java -jar JAR} would use: the jar, then the libraries its
 * manifest's Class-Path names, as absolute paths joined by ':'. The launcher runs this once, when
 * it makes the class-data archive, and from then on starts the JVM with {@code -cp} and the main
 * class: the JVM then opens and reads no manifest at start. Exits
 * 1 without printing when a path holds ':', which a class path cannot carry (the launcher then
 * keeps using -jar).
 */
public final class LauncherClassPath {

    private LauncherClassPath() {
    }

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]).toAbsolutePath().normalize();
        List<Path> entries = new ArrayList<>(List.of(jar));
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest manifest = jf.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath != null) {
                for (String entry : classPath.trim().split("\\s+")) {
                    if (!entry.isEmpty()) {
                        entries.add(jar.resolveSibling(entry).normalize());
                    }
                }
            }
        }
        StringBuilder cp = new StringBuilder();
        for (Path p : entries) {
            if (p.toString().indexOf(':') >= 0) {
                System.exit(1);
            }
            cp.append(cp.length() == 0 ? "" : ":").append(p);
        }
        System.out.println(cp);
    }
}
