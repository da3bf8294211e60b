package dev.kiln.core.data.tabular;

/** The two kinds of column a {@link DataFrame} holds. */
public enum ColumnType {
    /** {@code double} values; {@code NaN} marks a missing cell. */
    NUMERIC,
    /** {@code String} values; {@code null} marks a missing cell. */
    CATEGORICAL
}
