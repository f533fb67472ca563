package org.jsupermin.sbom;

import java.util.Locale;

/** The supplier of a package, from the database's maintainer or vendor. */
final class Suppliers {

    /** Words that make a maintainer a team rather than a person. */
    private static final String[] ORGANIZATION_WORDS = {
        "maintainers", "authors", "team", "project", "developers", "packagers", "group", "debian", "ubuntu",
        "fedora", "alpine", "arch linux", "foundation", "community", "inc.", "ltd", "gmbh", "llc",
        "corporation", "red hat", "suse", "centos", "amazon",
    };

    private Suppliers() {
    }

    /**
     * An organization for a team ("Debian Bash Maintainers &lt;…&gt;") or a vendor, a person
     * otherwise; {@link Supplier#UNKNOWN} when neither is known.
     */
    static Supplier of(String maintainer, String vendor) {
        String m = clean(maintainer);
        if (m.isEmpty()) {
            String v = clean(vendor);
            return v.isEmpty() ? Supplier.UNKNOWN : new Supplier(true, v, "");
        }
        String name = m;
        String email = "";
        int lt = m.indexOf('<');
        int gt = m.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            name = m.substring(0, lt).trim();
            email = m.substring(lt + 1, gt).trim();
        }
        if (name.isEmpty()) {
            name = email;
        }
        if (!isEmail(email)) {
            // "Google Cloud CLI Authors <https://…>": an address that is not one is left out
            email = "";
        }
        if (name.isEmpty()) {
            return Supplier.UNKNOWN;
        }
        return new Supplier(organization(name), name, email.equals(name) ? "" : email);
    }

    /** LOCAL@DOMAIN.TLD with nothing in it that addresses do not hold. */
    static boolean isEmail(String s) {
        return s.matches("[^@\\s<>()\\[\\]/,;:\"]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    }

    private static boolean organization(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String w : ORGANIZATION_WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** One line without the characters SPDX's supplier syntax uses. */
    private static String clean(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').replace('(', '[').replace(')', ']').trim();
    }
}
