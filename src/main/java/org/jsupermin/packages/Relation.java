package org.jsupermin.packages;

/** A version relation in a dependency: {@code << <= = >= >>} in dpkg, {@code < <= = >= >} elsewhere. */
public enum Relation {
    LT("<<"), LE("<="), EQ("="), GE(">="), GT(">>");

    private final String dpkgSymbol;

    Relation(String dpkgSymbol) {
        this.dpkgSymbol = dpkgSymbol;
    }

    /** The relation as dpkg writes it. */
    public String dpkgSymbol() {
        return dpkgSymbol;
    }

    /** Parses dpkg's and rpm's spellings ({@code <<}, {@code <}, {@code <=}, {@code =}, {@code ==}, {@code >=}, {@code >>}, {@code >}). */
    public static Relation parse(String s) {
        return switch (s) {
            case "<<", "<" -> LT;
            case "<=" -> LE;
            case "=", "==" -> EQ;
            case ">=" -> GE;
            case ">>", ">" -> GT;
            default -> throw new IllegalArgumentException("unknown version relation: " + s);
        };
    }
}
