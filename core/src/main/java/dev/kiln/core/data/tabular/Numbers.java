package dev.kiln.core.data.tabular;

import java.util.regex.Pattern;

/** Strict decimal parsing for CSV cells: Java's own parser also takes {@code "1d"}, {@code "0x1p3"} and the like. */
final class Numbers {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Numbers() {
    }

    /** The value of a decimal number, {@code ±inf}/{@code ±Infinity}; {@code NaN} for anything else (not a number). */
    static double parse(String s) {
        if (DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }
}
