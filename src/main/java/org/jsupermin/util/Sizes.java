package org.jsupermin.util;

import java.util.Locale;

/** Parses sizes as supermin's --size accepts them: "4G", "512M", "100K", "10737418240b", "4096". */
public final class Sizes {

    private Sizes() {
    }

    /**
     * The number of bytes {@code text} stands for: digits, optionally followed by one of b
     * (bytes), K, M, G, T (powers of 1024), upper or lower case.
     *
     * @throws IllegalArgumentException when the text is not such a size or overflows
     */
    public static long parse(String text) {
        String s = text == null ? "" : text.trim();
        int end = s.length();
        long unit = 1;
        if (end > 0 && !Character.isDigit(s.charAt(end - 1))) {
            unit = switch (s.substring(end - 1).toUpperCase(Locale.ROOT)) {
                case "B" -> 1L;
                case "K" -> 1L << 10;
                case "M" -> 1L << 20;
                case "G" -> 1L << 30;
                case "T" -> 1L << 40;
                default -> 0L;
            };
            end--;
        }
        String digits = s.substring(0, end);
        if (unit == 0 || digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("cannot parse size \"" + text
                    + "\": expected a number of bytes, optionally followed by b, K, M, G or T (e.g. 4G, 512M)");
        }
        try {
            return Math.multiplyExact(Long.parseLong(digits), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("size \"" + text + "\" is too large");
        }
    }
}
