package org.jsupermin.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Recognises SPDX license expressions made of listed identifiers, and spells them canonically. */
final class SpdxExpressions {

    private SpdxExpressions() {
    }

    /**
     * {@code expression} with identifiers spelled as the SPDX list does and operators in capitals,
     * or null when it is not a valid expression of listed licenses and exceptions (a
     * {@code LicenseRef-} has no text here, so it does not count).
     */
    static String canonical(String expression) {
        List<String> tokens = tokens(expression);
        List<String> out = new ArrayList<>(tokens.size());
        int depth = 0;
        boolean expectOperand = true;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String upper = t.toUpperCase(Locale.ROOT);
            if (t.equals("(")) {
                if (!expectOperand) {
                    return null;
                }
                depth++;
                out.add(t);
            } else if (t.equals(")")) {
                if (expectOperand || --depth < 0) {
                    return null;
                }
                out.add(t);
            } else if (upper.equals("AND") || upper.equals("OR")) {
                if (expectOperand) {
                    return null;
                }
                out.add(upper);
                expectOperand = true;
            } else if (upper.equals("WITH")) {
                if (expectOperand || i + 1 >= tokens.size()) {
                    return null;
                }
                String exception = SpdxIds.exception(tokens.get(++i));
                if (exception == null) {
                    return null;
                }
                out.add("WITH");
                out.add(exception);
            } else {
                if (!expectOperand) {
                    return null;
                }
                boolean plus = t.endsWith("+");
                String id = SpdxIds.license(plus ? t.substring(0, t.length() - 1) : t);
                if (id == null) {
                    return null;
                }
                out.add(plus ? id + "+" : id);
                expectOperand = false;
            }
        }
        if (expectOperand || depth != 0) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String t : out) {
            if (b.length() > 0 && !t.equals(")") && b.charAt(b.length() - 1) != '(') {
                b.append(' ');
            }
            b.append(t);
        }
        return b.toString();
    }

    private static List<String> tokens(String expression) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    tokens.add(String.valueOf(c));
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens;
    }
}
