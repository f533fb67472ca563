package org.jsupermin.testing;

import java.util.Random;

/**
 * Version strings made of random pieces of a scheme's alphabet, for comparing a version ordering
 * with the distribution's own on generated pairs.
 */
public final class VersionPieces {

    private final String[] pieces;

    /** Versions made of {@code pieces} (repeat a piece to draw it more often). */
    public VersionPieces(String... pieces) {
        this.pieces = pieces.clone();
    }

    /** One to six pieces. */
    public String version(Random r) {
        StringBuilder b = new StringBuilder();
        int len = 1 + r.nextInt(6);
        for (int i = 0; i < len; i++) {
            b.append(piece(r));
        }
        return b.toString();
    }

    /** {@code s} with a piece inserted at a random place, replacing at most one character. */
    public String mutate(Random r, String s) {
        int at = r.nextInt(s.length() + 1);
        return s.substring(0, at) + piece(r) + s.substring(Math.min(s.length(), at + r.nextInt(2)));
    }

    /** One piece. */
    public String piece(Random r) {
        return pieces[r.nextInt(pieces.length)];
    }
}
