package dev.kiln.core.data.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Drops rows with missing or invalid values, before splitting (it learns nothing, so it is not a
 * {@link Transformer}, and it changes the row count, so it cannot sit inside a predicting pipeline).
 * By default a row goes when any column is missing; restrict that with {@link #columns}, drop
 * infinities too with {@link #dropNonFinite}, and add value rules with {@link #require}.
 *
 * <pre>{@code
 * RowCleaner cleaner = RowCleaner.dropMissing().dropNonFinite().require("age", a -> a >= 0, "age >= 0");
 * DataFrame clean = cleaner.clean(raw);
 * }</pre>
 */
public final class RowCleaner {
    private record Rule(String column, DoublePredicate valid, String description) {
    }

    private final List<String> columns; // null = all
    private final boolean nonFinite;
    private final List<Rule> rules;

    private RowCleaner(List<String> columns, boolean nonFinite, List<Rule> rules) {
        this.columns = columns;
        this.nonFinite = nonFinite;
        this.rules = List.copyOf(rules);
    }

    /** Drops rows with a missing cell in any column. */
    public static RowCleaner dropMissing() {
        return new RowCleaner(null, false, List.of());
    }

    /** Looks for missing (and non-finite) cells only in the named columns. */
    public RowCleaner columns(String... names) {
        return new RowCleaner(List.of(names), nonFinite, rules);
    }

    /** Also drops rows with {@code ±Infinity} in a checked numeric column. */
    public RowCleaner dropNonFinite() {
        return new RowCleaner(columns, true, rules);
    }

    /** Also drops rows whose numeric {@code column} fails {@code valid} (a missing cell fails too). */
    public RowCleaner require(String column, DoublePredicate valid, String description) {
        List<Rule> r = new ArrayList<>(rules);
        r.add(new Rule(column, valid, description));
        return new RowCleaner(columns, nonFinite, r);
    }

    /** The indices of the rows that pass, ascending (use them to subset labels kept elsewhere). */
    public int[] keptRows(DataFrame frame) {
        List<String> checked = columns == null ? frame.names() : columns;
        boolean[] drop = new boolean[frame.rowCount()];
        for (String name : checked) {
            Column c = frame.column(name);
            for (int i = 0; i < drop.length; i++) {
                drop[i] |= c.isMissing(i)
                        || (nonFinite && c instanceof NumericColumn n && Double.isInfinite(n.get(i)));
            }
        }
        for (Rule rule : rules) {
            NumericColumn c = (NumericColumn) Columns.check(frame, rule.column(), "RowCleaner (" + rule.description()
                    + ")", ColumnType.NUMERIC);
            for (int i = 0; i < drop.length; i++) {
                drop[i] |= c.isMissing(i) || !rule.valid().test(c.get(i));
            }
        }
        int[] kept = new int[drop.length];
        int n = 0;
        for (int i = 0; i < drop.length; i++) {
            if (!drop[i]) {
                kept[n++] = i;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    /** The rows that pass. */
    public DataFrame clean(DataFrame frame) {
        return frame.rows(keptRows(frame));
    }
}
