package org.jsupermin.util;

/** The reproducible clock: SOURCE_DATE_EPOCH when set, else a fixed default. */
public final class SourceDateEpoch {

    /** Used when SOURCE_DATE_EPOCH is unset: 2000-01-01T00:00:00Z, for prepare's base.tar.gz. */
    public static final long DEFAULT = 946684800L;

    private SourceDateEpoch() {
    }

    /**
     * The value of SOURCE_DATE_EPOCH in {@code env}, or null when unset or empty.
     *
     * @throws IllegalArgumentException when set but not a non-negative integer
     */
    public static Long fromEnvironment(java.util.Map<String, String> env) {
        String v = env.get("SOURCE_DATE_EPOCH");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            long l = Long.parseLong(v.trim());
            if (l < 0) {
                throw new NumberFormatException();
            }
            return l;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SOURCE_DATE_EPOCH=" + v + " is not a number of seconds; unset it or give an integer");
        }
    }
}
