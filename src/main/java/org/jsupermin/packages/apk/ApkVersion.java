package org.jsupermin.packages.apk;

import static org.jsupermin.packages.VersionSegments.isDigit;

import org.jsupermin.packages.VersionScheme;

/**
 * apk's version ordering: dot-separated numbers (a later component with leading zeros sorts as
 * a decimal fraction), an optional letter, suffixes ({@code _alpha _beta _pre _rc} before the
 * plain version, {@code _cvs _svn _git _hg _p} after it, each with an optional number), and a
 * {@code -rN} revision.
 */
public final class ApkVersion implements VersionScheme {

    /** The one instance; the scheme has no state. */
    public static final ApkVersion INSTANCE = new ApkVersion();

    private static final String[] PRE = {"alpha", "beta", "pre", "rc"};
    private static final String[] POST = {"cvs", "svn", "git", "hg", "p"};

    /** Token kinds, in the order that decides between versions whose tokens differ in kind. */
    private enum Kind { INVALID, DIGIT_OR_ZERO, DIGIT, LETTER, SUFFIX, SUFFIX_NO, REVISION_NO, END }

    /** A cursor over one version string. */
    private static final class Cursor {
        final String s;
        int at;
        Kind kind = Kind.DIGIT;

        Cursor(String s) {
            this.s = s;
            if (s.isEmpty()) {
                kind = Kind.END;
            }
        }

        /** Reads the token of the current kind, returns its value and moves to the next kind. */
        long next() {
            if (at >= s.length()) {
                kind = Kind.END;
                return 0;
            }
            long v = 0;
            Kind forced = null;
            switch (kind) {
                case DIGIT_OR_ZERO:
                    if (s.charAt(at) == '0') {
                        // zeros after the first make a smaller fraction ("1.005" < "1.05" < "1.5");
                        // the last zero stays to be read as a number
                        int extra = 0;
                        while (at + 1 < s.length() && s.charAt(at + 1) == '0') {
                            at++;
                            extra++;
                        }
                        v = -extra;
                        forced = Kind.DIGIT;
                        break;
                    }
                    v = digits();
                    break;
                case DIGIT, SUFFIX_NO, REVISION_NO:
                    v = digits();
                    break;
                case LETTER:
                    v = s.charAt(at++);
                    break;
                case SUFFIX:
                    Long sv = suffix();
                    if (sv == null) {
                        kind = Kind.INVALID;
                        return -1;
                    }
                    v = sv;
                    break;
                default:
                    kind = Kind.INVALID;
                    return -1;
            }
            if (at >= s.length()) {
                kind = Kind.END;
            } else if (forced != null) {
                kind = forced;
            } else {
                advance();
            }
            return v;
        }

        private long digits() {
            long v = 0;
            while (at < s.length() && isDigit(s.charAt(at))) {
                v = v * 10 + (s.charAt(at++) - '0');
            }
            return v;
        }

        private Long suffix() {
            for (int i = 0; i < PRE.length; i++) {
                if (s.startsWith(PRE[i], at)) {
                    at += PRE[i].length();
                    return (long) (i - PRE.length);
                }
            }
            for (int i = 0; i < POST.length; i++) {
                if (s.startsWith(POST[i], at)) {
                    at += POST[i].length();
                    return (long) i;
                }
            }
            return null;
        }

        /** Decides the kind of the token starting at {@code at}. */
        private void advance() {
            char c = s.charAt(at);
            if ((kind == Kind.DIGIT || kind == Kind.DIGIT_OR_ZERO) && c >= 'a' && c <= 'z') {
                kind = Kind.LETTER;
            } else if (kind == Kind.LETTER && isDigit(c)) {
                kind = Kind.DIGIT;
            } else if (kind == Kind.SUFFIX && isDigit(c)) {
                kind = Kind.SUFFIX_NO;
            } else {
                at++;
                if (c == '.') {
                    kind = Kind.DIGIT_OR_ZERO;
                } else if (c == '_') {
                    kind = Kind.SUFFIX;
                } else if (c == '-' && at < s.length() && s.charAt(at) == 'r') {
                    at++;
                    kind = Kind.REVISION_NO;
                } else {
                    kind = Kind.INVALID;
                }
            }
        }
    }

    private ApkVersion() {
    }

    @Override
    public int compare(String a, String b) {
        Cursor x = new Cursor(a);
        Cursor y = new Cursor(b);
        long av = 0;
        long bv = 0;
        while (x.kind == y.kind && x.kind != Kind.END && x.kind != Kind.INVALID && av == bv) {
            av = x.next();
            bv = y.next();
        }
        if (av != bv) {
            return av < bv ? -1 : 1;
        }
        if (x.kind == y.kind) {
            return 0;
        }
        // equal so far: the longer version is newer, unless what follows is a pre-release suffix
        // a post-release suffix keeps its place: after a revision or the end, before a number or letter
        Kind xk = x.kind;
        Kind yk = y.kind;
        if (xk == Kind.SUFFIX && x.next() < 0) {
            return -1;
        }
        if (yk == Kind.SUFFIX && y.next() < 0) {
            return 1;
        }
        return Integer.compare(yk.ordinal(), xk.ordinal());
    }
}
