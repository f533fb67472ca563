package org.jsupermin.resolve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jsupermin.packages.InstalledPackage;

/**
 * One resolution in progress: includes the requested packages, then everything they need, in two
 * phases repeated to a fixpoint (forced requirements first, then one choice at a time).
 *
 * <p>A requirement is <em>forced</em> when a single installed package can satisfy it; those are
 * followed first. A requirement with a choice waits until nothing forced is left; then, if some
 * alternative is satisfied by a package already in the closure, that package is used (the first
 * such alternative); otherwise the first waiting requirement picks from its first satisfiable
 * alternative, and the forced phase runs again.
 */
final class ClosureBuilder {

    /** A requested name: a real package ({@code pkg >= 0}) or a virtual one to choose a provider for. */
    record Request(String text, int pkg, Requirement virtual) {
    }

    /** A requirement not yet satisfied; {@code from} is -1 for a virtual request number {@code request}. */
    private record Pending(int from, Requirement requirement, int request) {
    }

    /** A satisfied requirement: {@code from} needs {@code to} through option {@code option}. */
    private record Link(int from, int to, Requirement requirement, int option) {
    }

    /** Followed forced dependencies counted when comparing providers stop here. */
    private static final int COUNT_LIMIT = 10_000;

    private final PackageIndex index;
    private final List<Request> requests;
    private final boolean[] included;
    private final int[] requestChoice;
    private final List<Integer> order = new ArrayList<>();
    private final ArrayDeque<Integer> queue = new ArrayDeque<>();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Pending> unsatisfied = new ArrayList<>();
    private int[] mark;
    private int stamp;

    ClosureBuilder(PackageIndex index, List<Request> requests) {
        this.index = index;
        this.requests = requests;
        this.included = new boolean[index.size()];
        this.requestChoice = new int[requests.size()];
    }

    /** Runs the resolution and returns its result. */
    Resolution build() {
        for (int i = 0; i < requests.size(); i++) {
            Request q = requests.get(i);
            if (q.pkg() >= 0) {
                requestChoice[i] = q.pkg();
                include(q.pkg());
            }
        }
        for (int i = 0; i < requests.size(); i++) {
            Request q = requests.get(i);
            if (q.pkg() < 0) {
                handle(new Pending(-1, q.virtual(), i));
            }
        }
        while (true) {
            while (!queue.isEmpty()) {
                int p = queue.poll();
                for (Requirement r : index.requirements(p)) {
                    handle(new Pending(p, r, -1));
                }
            }
            for (int n = pending.size(); n > 0; n--) {
                Pending q = pending.poll();
                if (!linkIncluded(q)) {
                    pending.add(q);
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            choose(pending.poll());
        }
        return result();
    }

    private void handle(Pending q) {
        Requirement r = q.requirement();
        if (r.forced() == Requirement.NONE) {
            unsatisfied.add(q);
        } else if (linkIncluded(q)) {
            return;
        } else if (r.forced() >= 0) {
            link(q, r.forced(), r.optionOf(r.forced()));
        } else {
            pending.add(q);
        }
    }

    /** Links {@code q} to the first candidate already included, trying alternatives in order. */
    private boolean linkIncluded(Pending q) {
        List<Requirement.Option> options = q.requirement().options();
        for (int o = 0; o < options.size(); o++) {
            for (int c : options.get(o).candidates()) {
                if (included[c]) {
                    link(q, c, o);
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Satisfies {@code q} from its first satisfiable alternative. Among several providers: the
     * depender's vendor first, then the one pulling in the fewest new packages, then the
     * candidate order (name, architecture, newest).
     */
    private void choose(Pending q) {
        List<Requirement.Option> options = q.requirement().options();
        for (int o = 0; o < options.size(); o++) {
            int[] candidates = options.get(o).candidates();
            if (candidates.length == 0) {
                continue;
            }
            int best = candidates[0];
            if (options.get(o).viaProvides() && candidates.length > 1) {
                String vendor = q.from() >= 0 ? index.get(q.from()).vendor() : "";
                long bestKey = Long.MAX_VALUE;
                for (int c : candidates) {
                    long key = (index.get(c).vendor().equals(vendor) ? 0L : 1L << 32) + newPackages(c);
                    if (key < bestKey) {
                        bestKey = key;
                        best = c;
                    }
                }
            }
            link(q, best, o);
            return;
        }
        throw new IllegalStateException("pending requirement without candidates: " + q.requirement().text());
    }

    /** How many packages not yet included {@code start} would bring in through forced requirements. */
    private int newPackages(int start) {
        if (mark == null) {
            mark = new int[included.length];
        }
        stamp++;
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        stack.push(start);
        mark[start] = stamp;
        int count = 0;
        while (!stack.isEmpty() && count < COUNT_LIMIT) {
            int p = stack.pop();
            count++;
            for (Requirement r : index.requirements(p)) {
                int f = r.forced();
                if (f >= 0 && !included[f] && mark[f] != stamp) {
                    mark[f] = stamp;
                    stack.push(f);
                }
            }
        }
        return count;
    }

    private void link(Pending q, int to, int option) {
        if (q.from() < 0) {
            requestChoice[q.request()] = to;
        } else if (q.from() != to) {
            links.add(new Link(q.from(), to, q.requirement(), option));
        }
        include(to);
    }

    private void include(int p) {
        if (!included[p]) {
            included[p] = true;
            order.add(p);
            queue.add(p);
        }
    }

    /** Links by the package they start from, stably. */
    private static final Comparator<Link> BY_FROM = Comparator.comparingInt(Link::from);

    private Resolution result() {
        List<InstalledPackage> closure = order.stream().sorted().map(index::get).toList();
        List<RequestedPackage> roots = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request q = requests.get(i);
            String virtual = q.pkg() >= 0 ? null : q.virtual().alternatives().get(0).name();
            roots.add(new RequestedPackage(q.text(), index.get(requestChoice[i]), virtual));
        }
        List<Link> byFrom = new ArrayList<>(links);
        byFrom.sort(BY_FROM);
        List<DependencyEdge> edges = new ArrayList<>(byFrom.size());
        for (Link l : byFrom) {
            Requirement.Option o = l.requirement().options().get(l.option());
            edges.add(new DependencyEdge(index.get(l.from()), index.get(l.to()), l.requirement().alternatives(),
                    o.dependency(), o.viaProvides() ? o.dependency().name() : null));
        }
        List<String> requested = requests.stream().map(Request::text).toList();
        String nativeArch = index.arch().nativeArch();
        return new Resolution(requested, closure, warnings(byFrom, new Labels(nativeArch)), roots, edges, nativeArch);
    }

    /** One warning per unsatisfied requirement, with the chain that led to it from a requested package. */
    private List<String> warnings(List<Link> byFrom, Labels labels) {
        if (unsatisfied.isEmpty()) {
            return List.of();
        }
        Map<Integer, List<Link>> out = new HashMap<>();
        for (Link l : byFrom) {
            List<Link> from = out.get(l.from());
            if (from == null) {
                from = new ArrayList<>();
                out.put(l.from(), from);
            }
            from.add(l);
        }
        int[] parent = new int[included.length];
        Arrays.fill(parent, -2);
        ArrayDeque<Integer> bfs = new ArrayDeque<>();
        for (int root : requestChoice) {
            if (parent[root] == -2) {
                parent[root] = -1;
                bfs.add(root);
            }
        }
        while (!bfs.isEmpty()) {
            int p = bfs.poll();
            for (Link l : out.getOrDefault(p, List.of())) {
                if (parent[l.to()] == -2) {
                    parent[l.to()] = p;
                    bfs.add(l.to());
                }
            }
        }
        TreeSet<String> warnings = new TreeSet<>();
        for (Pending q : unsatisfied) {
            StringBuilder chain = new StringBuilder();
            for (int p = q.from(); p >= 0; p = parent[p]) {
                chain.append(chain.length() == 0 ? "" : " <- ").append(labels.of(index.get(p)));
            }
            List<String> near = index.nearMisses(q.requirement());
            warnings.add(labels.of(index.get(q.from())) + ": unsatisfied dependency " + q.requirement().text()
                    + " needed by " + chain
                    + (near.isEmpty() ? "" : "; installed but not matching: " + String.join(", ", near)));
        }
        return List.copyOf(warnings);
    }
}
