package org.jsupermin.sbom;

/**
 * Who supplies a package.
 *
 * @param organization a team, company or distribution rather than a person
 * @param name the name ("Debian Bash Maintainers"), "" when unknown
 * @param email the e-mail address, or ""
 */
public record Supplier(boolean organization, String name, String email) {

    /** Nobody known. */
    public static final Supplier UNKNOWN = new Supplier(false, "", "");

    /** As SPDX writes it: "Organization: NAME (EMAIL)", "Person: NAME", or "NOASSERTION". */
    public String spdx() {
        if (name.isEmpty()) {
            return "NOASSERTION";
        }
        return (organization ? "Organization: " : "Person: ") + name + (email.isEmpty() ? "" : " (" + email + ")");
    }
}
