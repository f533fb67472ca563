/**
 * The dependency resolver: from requested package names and the installed packages to the sorted
 * closure of packages an appliance needs, as a JGraphT graph with "why is X included" chains.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li>Each requirement is a list of alternatives. If an alternative is satisfied by a package
 *     already in the closure (requested, or pulled in by another requirement), the first such
 *     alternative is used, so no extra package comes in. Otherwise the first alternative that
 *     an installed package satisfies wins, as dpkg and apt do. Requirements with a single
 *     possible package are followed before any choice is made, and choices are made one at a
 *     time in discovery order, repeating until nothing changes: the result is deterministic.</li>
 * <li>An alternative is satisfied by an installed package of that name whose version and
 *     architecture fit; only when there is none, by packages that Provide the name. A versioned
 *     dependency is satisfied only by a versioned Provides whose version fits (dpkg's rule; an
 *     unversioned Provides satisfies only unversioned dependencies). In a database without
 *     multiarch data (rpm, pacman, apk), when nothing else satisfies a versioned dependency, an
 *     unversioned Provides does, as in rpm (an installed pacman or apk database never needs
 *     this fallback, since their tools refuse such a state).</li>
 * <li>Among several providers: one already in the closure, then one with the depender's vendor,
 *     then the one that pulls in the fewest new packages (counting forced requirements), then
 *     by name, architecture (depender's, then native) and newest version.</li>
 * <li>Multiarch (dpkg): "all" and "noarch" count as the native architecture. An unqualified
 *     dependency needs the depender's architecture unless the target is Multi-Arch: foreign;
 *     {@code :any} accepts any architecture when the target is Multi-Arch: allowed or foreign
 *     (otherwise the depender's); {@code :native} the native one; {@code :arch} that one. When no
 *     installed package has a Multi-Arch field (rpm, pacman, apk), an unqualified dependency that
 *     nothing of the right architecture satisfies falls back to any architecture.</li>
 * <li>Several installed packages of one name (architectures, or versions of install-only rpm
 *     packages): the depender's architecture first, then native, then the newest version.</li>
 * <li>A requirement nothing installed satisfies is a warning naming the chain from a requested
 *     package, never an error; a requested name that is neither installed nor provided is an
 *     {@link org.jsupermin.resolve.UnresolvedDependencyException}. Cycles are fine.</li>
 * </ul>
 */
package org.jsupermin.resolve;
