package org.jsupermin.packages.rpm;

import java.util.ArrayList;
import java.util.List;
import org.jsupermin.packages.Dependency;
import org.jsupermin.packages.Relation;

/**
 * rpm's boolean ("rich") dependencies such as {@code (a >= 1 or b)}, reduced to requirement
 * groups: {@code and} gives several requirements, {@code or} alternatives, {@code with} its
 * first operand, {@code A if B else C} is {@code A or C}; a plain {@code if}/{@code unless}
 * (a requirement only under a condition) and {@code without} require nothing.
 */
final class RichDependency {

    /** Deeper nesting is refused: the parser recurses once per level (rpm's own files nest a few). */
    private static final int MAX_DEPTH = 256;

    private final List<String> tokens;
    private int next;
    private int depth;

    private RichDependency(List<String> tokens) {
        this.tokens = tokens;
    }

    /** The requirement groups of {@code text}; throws IllegalArgumentException when malformed. */
    static List<List<Dependency>> parse(String text) {
        RichDependency p = new RichDependency(tokenize(text));
        List<List<Dependency>> groups = p.term();
        if (p.next != p.tokens.size()) {
            throw new IllegalArgumentException("trailing text in rich dependency " + text);
        }
        return groups;
    }

    private List<List<Dependency>> term() {
        String t = take();
        if (!t.equals("(")) {
            String name = t;
            if (next < tokens.size() && isRelation(tokens.get(next))) {
                Relation r = Relation.parse(take());
                return List.of(List.of(new Dependency(name, null, r, take())));
            }
            return List.of(List.of(Dependency.on(name)));
        }
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("rich dependency nested more than " + MAX_DEPTH + " levels deep");
        }
        List<List<Dependency>> left = term();
        String op = take();
        if (op.equals(")")) {
            depth--;
            return left;
        }
        List<List<List<Dependency>>> operands = new ArrayList<>();
        operands.add(left);
        operands.add(term());
        String elseBranch = null;
        List<List<Dependency>> otherwise = null;
        while (!peek().equals(")")) {
            String more = take();
            if (more.equals("else") && (op.equals("if") || op.equals("unless"))) {
                elseBranch = more;
                otherwise = term();
            } else if (more.equals(op)) {
                operands.add(term());
            } else {
                throw new IllegalArgumentException("mixed operators " + op + " and " + more);
            }
        }
        take();
        depth--;
        return switch (op) {
            case "and" -> operands.stream().flatMap(List::stream).toList();
            case "or" -> operands.stream().reduce(List.of(), RichDependency::or);
            case "with" -> left;
            case "if", "unless" -> elseBranch == null ? List.of() : or(left, otherwise);
            case "without" -> List.of();
            default -> throw new IllegalArgumentException("unknown operator " + op);
        };
    }

    private static List<List<Dependency>> or(List<List<Dependency>> a, List<List<Dependency>> b) {
        List<Dependency> alternatives = new ArrayList<>();
        if (!a.isEmpty()) {
            alternatives.addAll(a.get(0));
        }
        if (!b.isEmpty()) {
            alternatives.addAll(b.get(0));
        }
        return alternatives.isEmpty() ? List.of() : List.of(alternatives);
    }

    private String take() {
        if (next >= tokens.size()) {
            throw new IllegalArgumentException("unexpected end of rich dependency");
        }
        return tokens.get(next++);
    }

    private String peek() {
        if (next >= tokens.size()) {
            throw new IllegalArgumentException("unexpected end of rich dependency");
        }
        return tokens.get(next);
    }

    private static boolean isRelation(String t) {
        return t.equals("<") || t.equals("<=") || t.equals("=") || t.equals(">=") || t.equals(">");
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '(') {
                out.add("(");
                i++;
            } else if (c == ')') {
                out.add(")");
                i++;
            } else {
                // a name may contain balanced parentheses: libc.so.6(GLIBC_2.34)(64bit)
                int start = i;
                int depth = 0;
                while (i < s.length() && (depth > 0 || (s.charAt(i) != ' ' && s.charAt(i) != ')'))) {
                    if (s.charAt(i) == '(') {
                        depth++;
                    } else if (s.charAt(i) == ')') {
                        depth--;
                    }
                    i++;
                }
                out.add(s.substring(start, i));
            }
        }
        return out;
    }
}
