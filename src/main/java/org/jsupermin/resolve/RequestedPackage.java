package org.jsupermin.resolve;

import org.jsupermin.packages.InstalledPackage;

/**
 * A requested name and the installed package it resolved to.
 *
 * @param request the name as requested ("bash", "libc6:i386", "awk")
 * @param resolved the installed package
 * @param virtualName the requested name when it is a virtual package that {@code resolved}
 *     provides, or null when {@code resolved} has that name
 */
public record RequestedPackage(String request, InstalledPackage resolved, String virtualName) {
}
