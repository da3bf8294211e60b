package dev.kiln.core.data.tabular;

/** What an encoder does with a category that was not in its training data (and with missing values). */
public enum UnknownCategories {
    /** Throw {@link UnknownCategoryException} naming the column, row and value (the default). */
    ERROR,
    /** One-hot: all indicator columns 0. Ordinal: the code becomes missing ({@code NaN}). */
    IGNORE
}
