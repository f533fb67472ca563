package org.jsupermin.resolve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsupermin.packages.InstalledPackage;

/**
 * Writes a resolution's closure graph as Graphviz DOT, laid out to be read: left to right, the
 * requested packages filled, one edge per pair of packages (the requirements behind it in its
 * tooltip, not on the drawing), edges merged where they run together, and optionally only the
 * packages within a number of dependencies of a requested one. Nodes come in closure order and
 * edges in that order of their ends, so the same resolution gives the same bytes.
 */
final class DotWriter {

    private static final String HEADER = """
            digraph closure {
              graph [rankdir=LR, concentrate=true, nodesep=0.12, ranksep=0.5];
              node [shape=box, style=rounded, fontname="sans-serif", fontsize=10, height=0.3];
              edge [arrowsize=0.5, color="#555555"];
            """;

    private DotWriter() {
    }

    /** The whole closure. */
    static String write(Resolution r) {
        return write(r, -1);
    }

    /**
     * The packages at most {@code depth} dependencies away from a requested one (all when
     * negative); a package whose dependencies are left out says how many.
     */
    static String write(Resolution r, int depth) {
        Map<InstalledPackage, Integer> position = new IdentityHashMap<>();
        for (InstalledPackage p : r.closure()) {
            position.put(p, position.size());
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
        Map<InstalledPackage, Integer> distance = distances(r, pairs);
        Map<InstalledPackage, Boolean> requested = new IdentityHashMap<>();
        r.roots().forEach(root -> requested.put(root.resolved(), Boolean.TRUE));
        Map<InstalledPackage, Integer> hiddenDependencies = new IdentityHashMap<>();
        for (List<DependencyEdge> edges : pairs.values()) {
            DependencyEdge first = edges.get(0);
            if (shown(first.from(), distance, depth) && !shown(first.to(), distance, depth)) {
                hiddenDependencies.merge(first.from(), 1, Integer::sum);
            }
        }

        StringBuilder b = new StringBuilder(HEADER);
        for (InstalledPackage p : r.closure()) {
            if (!shown(p, distance, depth)) {
                continue;
            }
            Integer hidden = hiddenDependencies.get(p);
            b.append("  ").append(quote(p.toString()))
                    .append(" [label=").append(lines(p.name(), p.version() + " " + p.arch(),
                            hidden == null ? null : "+" + hidden + " deeper"))
                    .append(requested.containsKey(p) ? ", style=\"rounded,filled,bold\", fillcolor=\"#cfe2ff\"" : "")
                    .append("];\n");
        }
        for (List<DependencyEdge> edges : pairs.values()) {
            DependencyEdge first = edges.get(0);
            if (!shown(first.from(), distance, depth) || !shown(first.to(), distance, depth)) {
                continue;
            }
            String why = first.requirementText() + (edges.size() > 1 ? " (+" + (edges.size() - 1) + " more)" : "");
            b.append("  ").append(quote(first.from().toString())).append(" -> ").append(quote(first.to().toString()))
                    .append(" [tooltip=").append(quote(why)).append(first.virtual() ? ", style=dashed" : "")
                    .append("];\n");
        }
        return b.append("}\n").toString();
    }

    private static boolean shown(InstalledPackage p, Map<InstalledPackage, Integer> distance, int depth) {
        if (depth < 0) {
            return true;
        }
        Integer d = distance.get(p);
        return d != null && d <= depth;
    }

    /** Dependencies from the nearest requested package, breadth first in edge order. */
    private static Map<InstalledPackage, Integer> distances(Resolution r, TreeMap<Long, List<DependencyEdge>> pairs) {
        Map<InstalledPackage, List<InstalledPackage>> next = new IdentityHashMap<>();
        for (List<DependencyEdge> edges : pairs.values()) {
            next.computeIfAbsent(edges.get(0).from(), k -> new ArrayList<>()).add(edges.get(0).to());
        }
        Map<InstalledPackage, Integer> distance = new IdentityHashMap<>();
        ArrayDeque<InstalledPackage> queue = new ArrayDeque<>();
        for (RequestedPackage root : r.roots()) {
            if (distance.putIfAbsent(root.resolved(), 0) == null) {
                queue.add(root.resolved());
            }
        }
        while (!queue.isEmpty()) {
            InstalledPackage p = queue.removeFirst();
            for (InstalledPackage q : next.getOrDefault(p, List.of())) {
                if (distance.putIfAbsent(q, distance.get(p) + 1) == null) {
                    queue.addLast(q);
                }
            }
        }
        return distance;
    }

    /** A quoted DOT label of the given lines (a null one left out), each escaped. */
    private static String lines(String... lines) {
        StringBuilder b = new StringBuilder("\"");
        for (String line : lines) {
            if (line == null) {
                continue;
            }
            if (b.length() > 1) {
                b.append("\\n");
            }
            b.append(escape(line));
        }
        return b.append('"').toString();
    }

    /** A DOT quoted id: any name is valid between double quotes once {@code "} and {@code \} are escaped. */
    static String quote(String s) {
        return '"' + escape(s) + '"';
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
