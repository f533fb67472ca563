package org.jsupermin.format.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jsupermin.util.TextLines;

/**
 * The module graph of one kernel, read from {@code modules.dep} (and {@code modules.builtin})
 * of its modules directory; answers which module files to load, dependencies first.
 */
public final class ModuleDependencies {

    private final Path modulesDir;
    /** module name -> its file (relative to modulesDir) and direct dependencies, by name. */
    private final Map<String, Node> nodes;
    private final Set<String> builtin;

    /**
     * A module's entry: its file, and its line, whose dependency part (from {@code from}) is
     * split when first asked for: an initrd needs a few dozen of a kernel's thousands of modules.
     */
    private static final class Node {
        private final String relativePath;
        private final String line;
        private final int from;
        private List<String> dependencies;

        Node(String relativePath, String line, int from) {
            this.relativePath = relativePath;
            this.line = line;
            this.from = from;
        }

        String relativePath() {
            return relativePath;
        }

        /** The names after the colon, split on blanks (by hand: a regular expression costs more). */
        List<String> dependencies() {
            if (dependencies == null) {
                List<String> deps = new ArrayList<>();
                int start = -1;
                for (int i = from; i <= line.length(); i++) {
                    boolean blank = i == line.length() || Character.isWhitespace(line.charAt(i));
                    if (blank && start >= 0) {
                        deps.add(KernelModule.nameOf(line.substring(start, i)));
                        start = -1;
                    } else if (!blank && start < 0) {
                        start = i;
                    }
                }
                dependencies = List.copyOf(deps);
            }
            return dependencies;
        }
    }

    private ModuleDependencies(Path modulesDir, Map<String, Node> nodes, Set<String> builtin) {
        this.modulesDir = modulesDir;
        this.nodes = nodes;
        this.builtin = builtin;
    }

    /** Reads {@code modules.dep} (required) and {@code modules.builtin} (optional) of a modules directory. */
    public static ModuleDependencies read(Path modulesDir) throws KernelException {
        Path depFile = modulesDir.resolve("modules.dep");
        Map<String, Node> nodes = new HashMap<>();
        String text;
        try {
            text = new String(Files.readAllBytes(depFile), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new KernelException("no modules.dep in " + modulesDir + "; run `depmod " + modulesDir.getFileName()
                    + "` or set SUPERMIN_MODULES to a modules directory", e);
        } catch (IOException e) {
            throw new KernelException("reading " + depFile + ": " + e.getMessage(), e);
        }
        List<String> lines = TextLines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new KernelException("reading " + depFile + " line " + (i + 1) + ": expected 'module.ko: deps...', got '"
                        + line + "'; run depmod for this kernel");
            }
            String module = line.substring(0, colon).trim();
            nodes.putIfAbsent(KernelModule.nameOf(module), new Node(module, line, colon + 1));
        }
        Set<String> builtin = new TreeSet<>();
        Path builtinFile = modulesDir.resolve("modules.builtin");
        if (Files.isRegularFile(builtinFile)) {
            try {
                for (String line : Files.readAllLines(builtinFile, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        builtin.add(KernelModule.nameOf(line.trim()));
                    }
                }
            } catch (IOException e) {
                throw new KernelException("reading " + builtinFile + ": " + e.getMessage(), e);
            }
        }
        return new ModuleDependencies(modulesDir, nodes, builtin);
    }

    /** True when the module is compiled into the kernel. */
    public boolean isBuiltin(String name) {
        return builtin.contains(KernelModule.nameOf(name));
    }

    /** True when modules.dep lists the module as loadable. */
    public boolean isModule(String name) {
        return nodes.containsKey(KernelModule.nameOf(name));
    }

    /** The names of the loadable modules {@code patterns} take, sorted. */
    public List<String> matching(ModulePatterns patterns) {
        List<String> names = new ArrayList<>();
        for (String name : nodes.keySet()) {
            if (patterns.matches(name)) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * The modules to load for {@code wanted}, each after all of its dependencies, each once.
     * Wanted modules are visited in the given order; built-in and unknown ones are skipped.
     */
    public List<KernelModule> closure(Collection<String> wanted) throws KernelException {
        LinkedHashSet<String> order = new LinkedHashSet<>();
        for (String name : wanted) {
            visit(KernelModule.nameOf(name), order, new HashSet<>(), new ArrayList<>());
        }
        List<KernelModule> result = new ArrayList<>(order.size());
        for (String name : order) {
            result.add(new KernelModule(name, modulesDir.resolve(nodes.get(name).relativePath())));
        }
        return List.copyOf(result);
    }

    /** One module being placed: its dependencies, visited from the last to the first. */
    private static final class Visit {
        final String name;
        final List<String> dependencies;
        int next;

        Visit(String name, List<String> dependencies) {
            this.name = name;
            this.dependencies = dependencies;
            this.next = dependencies.size() - 1;
        }
    }

    /**
     * Places {@code name} after its dependencies, depth first, with a stack of its own rather
     * than recursion: a chain of dependencies as long as a corrupt modules.dep makes it must not
     * overflow the thread's stack.
     */
    private void visit(String name, LinkedHashSet<String> order, Set<String> onPath, List<String> path)
            throws KernelException {
        ArrayDeque<Visit> stack = new ArrayDeque<>();
        enter(name, order, onPath, path, stack);
        while (!stack.isEmpty()) {
            Visit v = stack.peek();
            if (v.next >= 0) {
                // modules.dep lists every transitive dependency; visiting them in reverse puts the deepest first
                enter(v.dependencies.get(v.next--), order, onPath, path, stack);
            } else {
                stack.pop();
                path.remove(path.size() - 1);
                onPath.remove(v.name);
                order.add(v.name);
            }
        }
    }

    private void enter(String name, LinkedHashSet<String> order, Set<String> onPath, List<String> path,
                       ArrayDeque<Visit> stack) throws KernelException {
        Node node = nodes.get(name);
        if (node == null || order.contains(name)) {
            return; // built in, absent from this kernel, or already placed
        }
        if (!onPath.add(name)) {
            throw new KernelException("modules.dep in " + modulesDir + " has a dependency cycle: "
                    + String.join(" -> ", path) + " -> " + name + "; run depmod for this kernel");
        }
        path.add(name);
        stack.push(new Visit(name, node.dependencies()));
    }
}
