package org.jsupermin.resolve;

import java.util.List;

/** Requested packages that are neither installed nor provided by an installed package. */
public class UnresolvedDependencyException extends Exception {

    private final List<String> missing;

    /** @param missing the requested names that could not be found, in request order */
    public UnresolvedDependencyException(List<String> missing) {
        super("package not installed: " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    /** The requested names that could not be found, in request order. */
    public List<String> missing() {
        return missing;
    }
}
