package org.jsupermin.packages;

import java.util.Comparator;

/** A distribution's version ordering (dpkg, rpmvercmp, pacman's vercmp, apk). */
public interface VersionScheme extends Comparator<String> {

    /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
    @Override
    int compare(String a, String b);

    /** Whether {@code installed} satisfies {@code relation version}. */
    default boolean satisfies(String installed, Relation relation, String version) {
        int c = compare(installed, version);
        return switch (relation) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case EQ -> c == 0;
            case GE -> c >= 0;
            case GT -> c > 0;
        };
    }
}
