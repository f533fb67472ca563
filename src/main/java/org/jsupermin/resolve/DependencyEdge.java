package org.jsupermin.resolve;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.InstalledPackage;

/**
 * An edge of the closure graph: {@code from} needs {@code to} to satisfy one of its requirements.
 *
 * @param from the package that has the requirement
 * @param to the package chosen to satisfy it
 * @param requirement the requirement as {@code from} lists it (its alternatives, in order)
 * @param alternative the alternative that {@code to} satisfies
 * @param virtualName the provided name {@code to} satisfies it through, or null when {@code to}
 *     satisfies it by its own name
 */
public record DependencyEdge(InstalledPackage from, InstalledPackage to, List<Dependency> requirement,
                             Dependency alternative, String virtualName) {

    /** "a (>= 1) | b", as the requirement is written. */
    public String requirementText() {
        return requirement.stream().map(Dependency::toString).collect(Collectors.joining(" | "));
    }

    /** Whether {@code to} satisfies the requirement through Provides. */
    public boolean virtual() {
        return virtualName != null;
    }

    /** Cheap (graph libraries hash edges often); consistent with the record's equals. */
    @Override
    public int hashCode() {
        return ((from.name().hashCode() * 31 + from.arch().hashCode()) * 31 + to.name().hashCode()) * 31
                + alternative.name().hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DependencyEdge e && from.equals(e.from) && to.equals(e.to)
                && requirement.equals(e.requirement) && alternative.equals(e.alternative)
                && Objects.equals(virtualName, e.virtualName);
    }
}
