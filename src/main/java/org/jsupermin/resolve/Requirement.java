package org.jsupermin.resolve;

import java.util.List;
import org.jsupermin.packages.Dependency;

/**
 * One requirement of one depender with its installed candidates worked out: for each alternative,
 * the packages that satisfy it, best first.
 *
 * @param alternatives the alternatives as the package lists them
 * @param options one per alternative, in the same order
 * @param forced the only package that can satisfy the requirement, {@link #SEVERAL} when there is
 *     a choice, {@link #NONE} when nothing installed satisfies it
 */
record Requirement(List<Dependency> alternatives, List<Option> options, int forced) {

    static final int SEVERAL = -1;
    static final int NONE = -2;

    /**
     * The packages satisfying one alternative.
     *
     * @param dependency the alternative
     * @param candidates package indexes, best first (an empty array when nothing satisfies it)
     * @param viaProvides whether the candidates satisfy it through Provides rather than by name
     */
    record Option(Dependency dependency, int[] candidates, boolean viaProvides) {
    }

    /** The index of the first option listing {@code pkg}, or -1. */
    int optionOf(int pkg) {
        for (int i = 0; i < options.size(); i++) {
            for (int c : options.get(i).candidates()) {
                if (c == pkg) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** "a (>= 1) | b", as the requirement is written. */
    String text() {
        StringBuilder b = new StringBuilder();
        for (Dependency d : alternatives) {
            if (b.length() > 0) {
                b.append(" | ");
            }
            b.append(d);
        }
        return b.toString();
    }
}
