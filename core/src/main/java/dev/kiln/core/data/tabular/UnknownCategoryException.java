package dev.kiln.core.data.tabular;

/** An encoder met a category (or a missing value) it did not see during fit, with no rule for it. */
public final class UnknownCategoryException extends IllegalArgumentException {
    public UnknownCategoryException(String encoder, String column, int row, String value, String[] known) {
        super(encoder + ": column '" + column + "' row " + row + " holds "
                + (value == null ? "a missing value" : "'" + value + "'")
                + ", a category not seen during fit (known: " + String.join(", ", known)
                + "); impute it first or build the encoder with UnknownCategories.IGNORE");
    }
}
