package org.jsupermin.resolve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.MultiArch;
import org.jsupermin.packages.Provide;
import org.jsupermin.packages.Relation;

/**
 * A dependency-graph fixture read from test-fixtures/graphs/*.txt (the format is described in
 * that folder's README.md).
 *
 * @param description the first comment line: what the fixture checks
 * @param nativeArch the native architecture ("amd64" unless a {@code native} line says otherwise)
 * @param packages the installed packages, in file order
 * @param request the requested names (the first package when there is no {@code request} line)
 * @param expectClosure the expected closure, rendered as by {@link #render}, or null
 * @param expectWarnings the exact expected warnings (empty: none allowed)
 * @param expectError the expected exception message, or null
 * @param expectExplain expected {@code explain()} lines per package name
 */
record GraphFixture(String description, String nativeArch, List<InstalledPackage> packages, List<String> request,
                    List<String> expectClosure, List<String> expectWarnings, String expectError,
                    Map<String, List<String>> expectExplain) {

    /** Parses a fixture file. */
    static GraphFixture read(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readAllLines(file));
    }

    /** Parses fixture lines; {@code source} names them in error messages. */
    static GraphFixture parse(String source, List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).startsWith("#")) {
            throw new IllegalArgumentException(source + ": the first line must be a comment saying what it checks");
        }
        String description = lines.get(0).substring(1).trim();
        String nativeArch = "amd64";
        List<PackageBuilder> packages = new ArrayList<>();
        List<String> request = null;
        List<String> closure = null;
        List<String> warnings = new ArrayList<>();
        String error = null;
        Map<String, List<String>> explain = new LinkedHashMap<>();
        List<String> block = null;
        for (int n = 1; n < lines.size(); n++) {
            String raw = lines.get(n);
            String line = raw.strip();
            String where = source + " line " + (n + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0))) {
                if (block != null) {
                    block.add(line);
                } else if (!packages.isEmpty() && line.startsWith("depends:")) {
                    packages.get(packages.size() - 1).depends.addAll(parseDepends(after(line)));
                } else if (!packages.isEmpty() && line.startsWith("provides:")) {
                    packages.get(packages.size() - 1).provides.addAll(parseProvides(after(line)));
                } else {
                    throw new IllegalArgumentException(where + "unexpected indented line: " + line);
                }
                continue;
            }
            block = null;
            String[] words = line.split("\\s+");
            switch (words[0]) {
                case "native" -> nativeArch = words[1];
                case "package" -> packages.add(PackageBuilder.parse(where, words));
                case "request:" -> request = words(after(line));
                case "expect-closure:" -> closure = words(after(line));
                case "expect-warning:" -> warnings.add(after(line));
                case "expect-error:" -> error = after(line);
                case "expect-explain" -> {
                    block = new ArrayList<>();
                    explain.put(words[1].replaceAll(":$", ""), block);
                }
                default -> throw new IllegalArgumentException(where + "unknown line: " + line);
            }
        }
        if (request == null) {
            if (packages.isEmpty()) {
                throw new IllegalArgumentException(source + ": no package and no request");
            }
            request = List.of(packages.get(0).name);
        }
        return new GraphFixture(description, nativeArch, packages.stream().map(PackageBuilder::build).toList(),
                request, closure, warnings, error, explain);
    }

    /** "name", or "name:arch" when the architecture is neither native nor "all"/"noarch". */
    static String render(InstalledPackage p, String nativeArch) {
        return p.arch().equals(nativeArch) || p.arch().equals("all") || p.arch().equals("noarch") ? p.name() : p.id();
    }

    /** Parses "a | b (>= 1), c:any" into requirements of alternatives. */
    static List<List<Dependency>> parseDepends(String text) {
        List<List<Dependency>> out = new ArrayList<>();
        for (String requirement : text.split(",")) {
            List<Dependency> alternatives = new ArrayList<>();
            for (String alt : requirement.split("\\|")) {
                alternatives.add(parseDependency(alt.strip()));
            }
            out.add(alternatives);
        }
        return out;
    }

    /** Parses "name[:qualifier] [(op version)]". */
    static Dependency parseDependency(String text) {
        String name = text;
        Relation relation = null;
        String version = null;
        int paren = text.indexOf(" (");
        if (paren >= 0) {
            name = text.substring(0, paren).strip();
            String[] rel = text.substring(paren + 2, text.lastIndexOf(')')).strip().split("\\s+");
            relation = Relation.parse(rel[0]);
            version = rel[1];
        }
        String qualifier = null;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            qualifier = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        return new Dependency(name, qualifier, relation, version);
    }

    /** Parses "x, y (= 2)". */
    static List<Provide> parseProvides(String text) {
        List<Provide> out = new ArrayList<>();
        for (String item : text.split(",")) {
            String s = item.strip();
            int paren = s.indexOf(" (=");
            out.add(paren < 0 ? new Provide(s, null)
                    : new Provide(s.substring(0, paren).strip(), s.substring(paren + 3, s.lastIndexOf(')')).strip()));
        }
        return out;
    }

    private static String after(String line) {
        return line.substring(line.indexOf(':') + 1).strip();
    }

    private static List<String> words(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
    }

    /** A package being read: "package NAME VERSION ARCH [multi-arch=M] [vendor=V]". */
    private static final class PackageBuilder {
        String name;
        String version;
        String arch;
        MultiArch multiArch = MultiArch.NO;
        String vendor = "";
        final List<List<Dependency>> depends = new ArrayList<>();
        final List<Provide> provides = new ArrayList<>();

        static PackageBuilder parse(String where, String[] words) {
            if (words.length < 4) {
                throw new IllegalArgumentException(where + "expected: package NAME VERSION ARCH [multi-arch=M] [vendor=V]");
            }
            PackageBuilder b = new PackageBuilder();
            b.name = words[1];
            b.version = words[2];
            b.arch = words[3];
            for (int i = 4; i < words.length; i++) {
                String[] kv = words[i].split("=", 2);
                switch (kv[0]) {
                    case "multi-arch" -> b.multiArch = MultiArch.parse(kv[1]);
                    case "vendor" -> b.vendor = kv[1];
                    default -> throw new IllegalArgumentException(where + "unknown attribute " + words[i]);
                }
            }
            return b;
        }

        InstalledPackage build() {
            return new InstalledPackage(name, version, arch, multiArch, depends, provides, vendor);
        }
    }
}
