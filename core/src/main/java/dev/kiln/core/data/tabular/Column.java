package dev.kiln.core.data.tabular;

/**
 * One named, immutable column of a {@link DataFrame}: either {@link NumericColumn} ({@code NaN} =
 * missing) or {@link CategoricalColumn} ({@code null} = missing).
 */
public sealed interface Column permits NumericColumn, CategoricalColumn {
    String name();

    ColumnType type();

    int size();

    boolean isMissing(int row);

    /** Number of missing cells. */
    default int missingCount() {
        int n = 0;
        for (int i = 0; i < size(); i++) {
            n += isMissing(i) ? 1 : 0;
        }
        return n;
    }

    /** The rows at {@code rows}, in that order (repeats allowed, e.g. for bootstrap samples). */
    Column select(int[] rows);

    /** The same values under another name. */
    Column rename(String newName);

    /** Cell {@code row} as text: the number or string, or {@code "NA"} when missing. */
    String format(int row);
}
