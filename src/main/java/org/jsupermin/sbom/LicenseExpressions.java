package org.jsupermin.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns the license short name expressions of a Debian copyright file into one SPDX license
 * expression. In copyright-format 1.0, "or" and "and" join short names ("and" binding tighter),
 * a comma followed by "and"/"or" joins whole groups ("GPL-2+ or Artistic, and BSD-3-clause"),
 * and "with X exception" qualifies a name. The expressions of all {@code Files:} paragraphs are
 * joined with AND, each distinct term once, sorted.
 */
final class LicenseExpressions {

    /** What SPDX writes when nothing can be said. */
    static final String NOASSERTION = "NOASSERTION";

    private final ExtractedLicenses extracted;

    LicenseExpressions(ExtractedLicenses extracted) {
        this.extracted = extracted;
    }

    /**
     * The SPDX expression of a package's copyright file: NOASSERTION when it is not
     * machine-readable, names no license, or names one that is neither SPDX nor given a text.
     */
    String of(DebianCopyright copyright) {
        if (!copyright.machineReadable()) {
            return NOASSERTION;
        }
        List<String> sources = copyright.filesLicenses().isEmpty() && !copyright.headerLicense().isEmpty()
                ? List.of(copyright.headerLicense()) : copyright.filesLicenses();
        TreeSet<String> terms = new TreeSet<>();
        for (String source : sources) {
            Node node = parse(source, copyright.texts());
            if (node == null) {
                return NOASSERTION;
            }
            node.addConjuncts(terms);
        }
        if (terms.isEmpty()) {
            return NOASSERTION;
        }
        if (terms.size() == 1) {
            return unwrap(terms.first());
        }
        return String.join(" AND ", terms);
    }

    /**
     * The SPDX expression of a license as a package database records it (rpm License, apk L:,
     * pacman license): kept when it already is a valid SPDX expression of listed identifiers,
     * else read as short names joined by "and"/"or" ("GPLv2+ and MIT"); NOASSERTION when empty
     * or when a name maps to nothing.
     */
    String ofDatabase(String license) {
        if (license == null || license.isBlank()) {
            return NOASSERTION;
        }
        String spdx = SpdxExpressions.canonical(license);
        if (spdx != null) {
            return spdx;
        }
        Node node = parse(license, Map.of());
        if (node == null) {
            return NOASSERTION;
        }
        TreeSet<String> terms = new TreeSet<>();
        node.addConjuncts(terms);
        return terms.size() == 1 ? unwrap(terms.first()) : String.join(" AND ", terms);
    }

    /** One short name expression as a tree, or null when a name in it maps to nothing. */
    private Node parse(String expression, Map<String, String> texts) {
        List<List<String>> groups = new ArrayList<>();
        List<String> groupOps = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String word : words(expression)) {
            if (word.equals(",")) {
                groups.add(current);
                current = new ArrayList<>();
                groupOps.add("and");
                continue;
            }
            if (current.isEmpty() && !groups.isEmpty() && (isOr(word) || isAnd(word))) {
                groupOps.set(groupOps.size() - 1, isOr(word) ? "or" : "and");
                continue;
            }
            current.add(word);
        }
        groups.add(current);
        Node result = null;
        for (int i = 0; i < groups.size(); i++) {
            Node group = orClause(groups.get(i), texts);
            if (group == null) {
                return null;
            }
            result = result == null ? group : Node.of(groupOps.get(i - 1).equals("or") ? "OR" : "AND", result, group);
        }
        return result;
    }

    private Node orClause(List<String> words, Map<String, String> texts) {
        Node result = null;
        for (List<String> part : split(words, true)) {
            Node conj = null;
            for (List<String> operand : split(part, false)) {
                Node leaf = leaf(operand, texts);
                if (leaf == null) {
                    return null;
                }
                conj = conj == null ? leaf : Node.of("AND", conj, leaf);
            }
            if (conj == null) {
                return null;
            }
            result = result == null ? conj : Node.of("OR", result, conj);
        }
        return result;
    }

    private Node leaf(List<String> words, Map<String, String> texts) {
        if (words.isEmpty()) {
            return null;
        }
        String name = String.join(" ", words);
        String spdx = null;
        int with = -1;
        for (int i = 1; i < words.size() - 1; i++) {
            if (words.get(i).equalsIgnoreCase("with")) {
                with = i;
                break;
            }
        }
        if (with > 0) {
            spdx = DebianLicenseNames.withException(String.join(" ", words.subList(0, with)),
                    String.join(" ", words.subList(with + 1, words.size())));
        } else if (words.size() == 1) {
            spdx = DebianLicenseNames.toSpdx(name);
        }
        if (spdx != null) {
            return new Node(spdx, spdx.contains(" OR ") || spdx.contains(" AND "), List.of());
        }
        String text = text(name, texts);
        if (text == null) {
            return null;
        }
        return new Node(extracted.ref(name, text), false, List.of());
    }

    private static String text(String name, Map<String, String> texts) {
        String text = texts.get(name);
        if (text == null) {
            for (Map.Entry<String, String> e : texts.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
        }
        return text;
    }

    /** Splits on "or" (or "|") when {@code or}, else on "and" (or "&amp;"). */
    private static List<List<String>> split(List<String> words, boolean or) {
        List<List<String>> parts = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String w : words) {
            if (or ? isOr(w) : isAnd(w)) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(w);
            }
        }
        parts.add(current);
        return parts;
    }

    private static boolean isOr(String w) {
        return w.equalsIgnoreCase("or") || w.equals("|");
    }

    private static boolean isAnd(String w) {
        return w.equalsIgnoreCase("and") || w.equals("&");
    }

    /** Words separated by white space, each comma a word of its own. */
    private static List<String> words(String expression) {
        List<String> words = new ArrayList<>();
        for (String w : expression.trim().split("\\s+")) {
            while (w.endsWith(",")) {
                w = w.substring(0, w.length() - 1);
                if (!w.isEmpty()) {
                    words.add(w);
                }
                words.add(",");
                w = "";
            }
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private static String unwrap(String term) {
        return term.startsWith("(") && term.endsWith(")") ? term.substring(1, term.length() - 1) : term;
    }

    /** A parsed expression: a leaf (an SPDX term) or an operator over children. */
    private record Node(String text, boolean compound, List<Node> children) {

        static Node of(String op, Node a, Node b) {
            List<Node> kids = new ArrayList<>();
            for (Node n : new Node[] {a, b}) {
                if (op.equals(n.op())) {
                    kids.addAll(n.children);
                } else {
                    kids.add(n);
                }
            }
            return new Node(op, true, kids);
        }

        String op() {
            return children.isEmpty() ? null : text;
        }

        /** The SPDX text, parenthesised when compound. */
        String render() {
            if (children.isEmpty()) {
                return compound ? "(" + text + ")" : text;
            }
            TreeSet<String> parts = new TreeSet<>();
            for (Node c : children) {
                parts.add(c.render());
            }
            return "(" + String.join(" " + text + " ", parts) + ")";
        }

        /** Adds the terms this expression requires all of (an AND's children, else itself). */
        void addConjuncts(TreeSet<String> terms) {
            if ("AND".equals(op())) {
                for (Node c : children) {
                    c.addConjuncts(terms);
                }
            } else if (children.isEmpty() && compound && text.contains(" AND ") && !text.contains(" OR ")) {
                for (String t : text.split(" AND ")) {
                    terms.add(t);
                }
            } else {
                terms.add(render());
            }
        }
    }
}
