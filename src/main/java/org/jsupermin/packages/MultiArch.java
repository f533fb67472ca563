package org.jsupermin.packages;

/** dpkg's Multi-Arch field; other databases use {@link #NO}. */
public enum MultiArch {
    NO, SAME, FOREIGN, ALLOWED;

    /** Parses the field value; a missing field is {@link #NO}. */
    public static MultiArch parse(String value) {
        if (value == null || value.isBlank()) {
            return NO;
        }
        return switch (value.trim()) {
            case "same" -> SAME;
            case "foreign" -> FOREIGN;
            case "allowed" -> ALLOWED;
            default -> NO;
        };
    }
}
