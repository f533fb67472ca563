package org.jsupermin.resolve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jsupermin.packages.InstalledPackage;

/**
 * The result of resolving requested packages: the closure, how each package got in, and warnings
 * about requirements nothing installed satisfies.
 *
 * @param requested the requested names, sorted, without duplicates
 * @param closure every package needed, sorted by {@link InstalledPackage}'s natural order
 * @param warnings one line per unsatisfied requirement, sorted
 * @param roots what each requested name resolved to, in the order of {@code requested}
 * @param edges the dependency edges between closure packages (no self-edges), grouped by depender
 *     in closure order
 * @param nativeArch the native architecture, used to name packages in messages
 */
public record Resolution(List<String> requested, List<InstalledPackage> closure, List<String> warnings,
                         List<RequestedPackage> roots, List<DependencyEdge> edges, String nativeArch) {

    public Resolution {
        requested = List.copyOf(requested);
        closure = List.copyOf(closure);
        warnings = List.copyOf(warnings);
        roots = List.copyOf(roots);
        edges = List.copyOf(edges);
    }

    /** The closure as a read-only JGraphT graph (built on each call), edges in {@link #edges()} order. */
    public Graph<InstalledPackage, DependencyEdge> graph() {
        Graph<InstalledPackage, DependencyEdge> g = GraphTypeBuilder.<InstalledPackage, DependencyEdge>directed()
                .allowingMultipleEdges(true).allowingSelfLoops(true).weighted(false).buildGraph();
        closure.forEach(g::addVertex);
        edges.forEach(e -> g.addEdge(e.from(), e.to(), e));
        return new AsUnmodifiableGraph<>(g);
    }

    /**
     * Why {@code packageName} ("name" or "name:arch") is in the closure: for each requested package
     * it can be reached from, the shortest chain, one line per step, e.g.
     * <pre>
     * foo (requested)
     * foo -&gt; awk (virtual) -&gt; mawk (via Depends: awk)
     * </pre>
     * Empty when the package is not in the closure.
     */
    public List<String> explain(String packageName) {
        List<InstalledPackage> targets = closure.stream()
                .filter(p -> p.name().equals(packageName) || p.id().equals(packageName)).toList();
        if (targets.isEmpty()) {
            return List.of();
        }
        Labels labels = new Labels(nativeArch);
        BFSShortestPath<InstalledPackage, DependencyEdge> paths = new BFSShortestPath<>(graph());
        List<String> lines = new ArrayList<>();
        for (InstalledPackage target : targets) {
            Set<InstalledPackage> seenRoots = new HashSet<>();
            for (RequestedPackage root : roots) {
                if (!seenRoots.add(root.resolved())) {
                    continue;
                }
                GraphPath<InstalledPackage, DependencyEdge> path = paths.getPath(root.resolved(), target);
                if (path == null) {
                    continue;
                }
                lines.add(root.virtualName() == null
                        ? labels.of(root.resolved()) + " (requested)"
                        : root.request() + " (requested, virtual) -> " + labels.of(root.resolved()));
                for (DependencyEdge e : path.getEdgeList()) {
                    lines.add(labels.of(e.from()) + " -> "
                            + (e.virtual() ? e.virtualName() + " (virtual) -> " : "")
                            + labels.of(e.to()) + " (via Depends: " + e.requirementText() + ")");
                }
            }
        }
        return List.copyOf(lines);
    }

    /** The closure graph in Graphviz DOT, the same bytes for the same resolution. */
    public String toDot() {
        return DotWriter.write(this);
    }

    /**
     * The packages at most {@code depth} dependencies away from a requested one in Graphviz DOT
     * (the whole closure when {@code depth} is negative).
     */
    public String toDot(int depth) {
        return DotWriter.write(this, depth);
    }
}
