package org.jsupermin.packages;

/**
 * Something a package provides besides its own name: a virtual package, a soname, a file path.
 *
 * @param name the provided name
 * @param version the provided version, or null when unversioned
 */
public record Provide(String name, String version) {
}
