package org.jsupermin.resolve;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsupermin.packages.InstalledPackage;

/** Writes a resolution's closure graph as Graphviz DOT: nodes in closure order, one edge per pair. */
final class DotWriter {

    private DotWriter() {
    }

    static String write(Resolution r) {
        Map<InstalledPackage, Integer> position = new IdentityHashMap<>();
        for (InstalledPackage p : r.closure()) {
            position.put(p, position.size());
        }
        Map<InstalledPackage, Boolean> requested = new IdentityHashMap<>();
        r.roots().forEach(root -> requested.put(root.resolved(), Boolean.TRUE));
        StringBuilder b = new StringBuilder("digraph closure {\n  node [shape=box];\n");
        for (InstalledPackage p : r.closure()) {
            b.append("  ").append(quote(p.toString()))
                    .append(" [label=").append(quote(p.name() + " " + p.version() + " " + p.arch()))
                    .append(requested.containsKey(p) ? ", style=bold" : "").append("];\n");
        }
        // parallel edges (several requirements met by the same package) become one edge
        TreeMap<Long, List<DependencyEdge>> pairs = new TreeMap<>();
        for (DependencyEdge e : r.edges()) {
            Integer from = position.get(e.from());
            Integer to = position.get(e.to());
            if (from == null || to == null) {
                throw new IllegalArgumentException("edge outside the closure: " + e.from() + " -> " + e.to());
            }
            pairs.computeIfAbsent(((long) from << 32) | to, k -> new ArrayList<>()).add(e);
        }
        for (List<DependencyEdge> edges : pairs.values()) {
            DependencyEdge first = edges.get(0);
            String label = first.requirementText() + (edges.size() > 1 ? " (+" + (edges.size() - 1) + " more)" : "");
            b.append("  ").append(quote(first.from().toString())).append(" -> ").append(quote(first.to().toString()))
                    .append(" [label=").append(quote(label)).append(first.virtual() ? ", style=dashed" : "")
                    .append("];\n");
        }
        return b.append("}\n").toString();
    }

    /** A DOT quoted id: any name is valid between double quotes once {@code "} and {@code \} are escaped. */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
