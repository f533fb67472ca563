package org.jsupermin.resolve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.MultiArch;
import org.jsupermin.packages.Provide;
import org.jsupermin.packages.Relation;

/**
 * A seeded random package graph with cycles, virtual packages and alternatives whose closure is
 * also known by plain reachability: every requirement has exactly one installed candidate.
 */
final class GeneratedGraph {

    private final List<InstalledPackage> packages = new ArrayList<>();
    private final List<List<Integer>> edges = new ArrayList<>();

    GeneratedGraph(int size, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            List<List<Dependency>> depends = new ArrayList<>();
            List<Integer> targets = new ArrayList<>();
            int count = random.nextInt(5);
            for (int d = 0; d < count; d++) {
                // mostly towards lower numbers (library stacks), sometimes anywhere (cycles)
                int t = random.nextInt(10) == 0 ? random.nextInt(size) : random.nextInt(Math.max(1, i));
                targets.add(t);
                depends.add(switch (random.nextInt(4)) {
                    case 0 -> List.of(Dependency.on("virtual-" + t));
                    case 1 -> List.of(Dependency.on("not-installed-" + t), Dependency.on(name(t)));
                    case 2 -> List.of(new Dependency(name(t), null, Relation.GE, "1.0"));
                    default -> List.of(Dependency.on(name(t)));
                });
            }
            edges.add(targets);
            packages.add(new InstalledPackage(name(i), "1." + i, i % 7 == 0 ? "all" : "amd64",
                    i % 3 == 0 ? MultiArch.FOREIGN : MultiArch.NO, depends,
                    List.of(new Provide("virtual-" + i, null)), ""));
        }
    }

    int size() {
        return packages.size();
    }

    String name(int i) {
        return String.format("pkg%04d", i);
    }

    List<InstalledPackage> packages() {
        return packages;
    }

    /** Names reachable from {@code roots}, sorted. */
    List<String> reachableNames(List<Integer> roots) {
        boolean[] seen = new boolean[packages.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>(roots);
        roots.forEach(r -> seen[r] = true);
        TreeSet<String> names = new TreeSet<>();
        while (!queue.isEmpty()) {
            int p = queue.poll();
            names.add(name(p));
            for (int t : edges.get(p)) {
                if (!seen[t]) {
                    seen[t] = true;
                    queue.add(t);
                }
            }
        }
        return List.copyOf(names);
    }
}
