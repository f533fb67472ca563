package org.jsupermin.packages;

/**
 * One alternative of a dependency: a name (package, virtual package, soname or file path),
 * an optional architecture qualifier (dpkg's {@code :any}, {@code :native} or an arch name)
 * and an optional version constraint.
 *
 * @param name what is required
 * @param archQualifier null, "any", "native" or an architecture
 * @param relation null when any version will do
 * @param version null when {@code relation} is null
 */
public record Dependency(String name, String archQualifier, Relation relation, String version) {

    /** A dependency on any version of {@code name}. */
    public static Dependency on(String name) {
        return new Dependency(name, null, null, null);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name);
        if (archQualifier != null) {
            b.append(':').append(archQualifier);
        }
        if (relation != null) {
            b.append(" (").append(relation.dpkgSymbol()).append(' ').append(version).append(')');
        }
        return b.toString();
    }
}
